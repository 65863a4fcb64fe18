using System.Globalization;
using CsCheck;
using NetScope.Core.Defer;

namespace NetScope.Core.Tests.Defer;

/// <summary>
/// Property tests: random trees of Deferreds (callbacks and errbacks that pass, transform, throw,
/// return failures, return fired Deferreds, or return other Deferreds of the tree) fired, paused
/// and unpaused in random orders must end exactly where a plain sequential model of the same
/// links ends, with every link run exactly once.
/// </summary>
public class DeferredPropertyTests
{
    /// <summary>Scenarios are read from a stream of choices, so CsCheck can shrink a failure to a short stream.</summary>
    private static readonly Gen<int[]> Choices = Gen.Int[0, 1_000_000].Array[0, 400];

    [Fact]
    public void RandomChainTreesFiredInRandomOrderEndAsTheSequentialModelSays()
    {
        Choices.Sample(choices => new Scenario(choices).RunAndCheck(), iter: 3000);
    }

    [Fact]
    public void GatherResultsOfRandomlyFiredDeferredsMatchesTheModel()
    {
        Choices.Sample(
            choices =>
            {
                var stream = new ChoiceStream(choices);
                var count = stream.Next(8);
                var deferreds = Enumerable.Range(0, count).Select(_ => new Deferred()).ToArray();
                var outcomes = Enumerable.Range(0, count).Select(_ => stream.Next(4) == 0 ? -1 - stream.Next(5) : stream.Next(100)).ToArray();
                var order = stream.Permutation(count);
                var firedBeforeGathering = stream.Next(count + 1);
                var gathered = (Deferred?)null;
                for (var step = 0; step <= count; step++)
                {
                    if (step == firedBeforeGathering)
                    {
                        gathered = Deferred.GatherResults(deferreds, consumeErrors: true);
                    }

                    if (step < count)
                    {
                        var i = order[step];
                        if (outcomes[i] < 0)
                        {
                            deferreds[i].Errback(new ModelException("e" + (-1 - outcomes[i]).ToString(CultureInfo.InvariantCulture)));
                        }
                        else
                        {
                            deferreds[i].Callback(outcomes[i]);
                        }
                    }
                }

                var result = gathered!.Result;
                if (outcomes.All(o => o >= 0))
                {
                    Assert.Equal(outcomes.Cast<object?>().ToArray(), (object?[])result!);
                }
                else
                {
                    var error = Assert.IsType<FirstErrorException>(Assert.IsType<Failure>(result).Value);

                    // Deferreds fired before the list existed are seen in list order, the rest in firing order.
                    var expected = Enumerable.Range(0, count)
                        .Where(i => Array.IndexOf(order, i) < firedBeforeGathering)
                        .Concat(order.Skip(firedBeforeGathering))
                        .First(i => outcomes[i] < 0);
                    Assert.Equal(expected, error.Index);
                    gathered.AddErrback(_ => null);
                }

                Assert.All(deferreds, d => Assert.IsNotType<Failure>(d.Result));
            },
            iter: 2000);
    }

    private sealed class ModelException(string code) : Exception(code);

    /// <summary>Reads bounded choices from the generated stream; zeros once it runs out.</summary>
    private sealed class ChoiceStream(int[] choices)
    {
        private int _position;

        public int Next(int bound) => bound <= 1 || _position >= choices.Length ? 0 : choices[_position++] % bound;

        public int[] Permutation(int count)
        {
            var order = Enumerable.Range(0, count).ToArray();
            for (var i = count - 1; i > 0; i--)
            {
                var j = Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }

            return order;
        }
    }

    private enum OpKind
    {
        Pass,
        Add,
        Throw,
        ReturnFailure,
        ReturnFiredSuccess,
        ReturnFiredFailure,
        ReturnNode,
    }

    /// <summary>What a callback (on a value) or an errback (on an error) does.</summary>
    private sealed record Op(OpKind Kind, int K, string Code, Node? Child);

    private sealed record Link(Op OnValue, Op OnError);

    /// <summary>One Deferred of the tree: its links and what it is fired with.</summary>
    private sealed class Node(int id, bool firesWithError, int fireValue, string fireCode)
    {
        public int Id { get; } = id;

        public List<Link> Links { get; } = [];

        public bool FiresWithError { get; } = firesWithError;

        public int FireValue { get; } = fireValue;

        public string FireCode { get; } = fireCode;

        public bool Paused { get; init; }

        public Deferred Deferred { get; } = new();
    }

    /// <summary>A model outcome: a value or an error code.</summary>
    private readonly record struct Outcome(bool IsError, int Value, string Code)
    {
        public static Outcome Ok(int value) => new(false, value, string.Empty);

        public static Outcome Error(string code) => new(true, 0, code);
    }

    private sealed class Scenario
    {
        private readonly ChoiceStream _stream;
        private readonly List<Node> _nodes = [];
        private readonly Dictionary<(int Node, int Link), int> _runs = [];
        private readonly HashSet<int> _taken = [];
        private readonly Node _main;
        private readonly int _linksBeforeFiring;

        public Scenario(int[] choices)
        {
            _stream = new ChoiceStream(choices);
            _main = NewNode(depth: 0, maxLinks: 9);
            _linksBeforeFiring = _stream.Next(_main.Links.Count + 1);
        }

        public void RunAndCheck()
        {
            foreach (var node in _nodes)
            {
                var count = node == _main ? _linksBeforeFiring : node.Links.Count;
                for (var i = 0; i < count; i++)
                {
                    AddLink(node, i);
                }
            }

            // Each Deferred is fired once and, if paused, unpaused once: in any interleaving.
            var events = _nodes.Select(n => (Node: n, Unpause: false))
                .Concat(_nodes.Where(n => n.Paused).Select(n => (Node: n, Unpause: true)))
                .ToArray();
            foreach (var node in _nodes.Where(n => n.Paused))
            {
                node.Deferred.Pause();
            }

            foreach (var index in _stream.Permutation(events.Length))
            {
                var (node, unpause) = events[index];
                if (unpause)
                {
                    node.Deferred.Unpause();
                }
                else if (node.FiresWithError)
                {
                    node.Deferred.Errback(new ModelException(node.FireCode));
                }
                else
                {
                    node.Deferred.Callback(node.FireValue);
                }
            }

            for (var i = _linksBeforeFiring; i < _main.Links.Count; i++)
            {
                AddLink(_main, i);
            }

            Check();
        }

        private void Check()
        {
            var expected = Evaluate(_main);
            AssertOutcome(expected, _main.Deferred);
            foreach (var node in _nodes)
            {
                var d = node.Deferred;
                Assert.Equal(0, d.PendingLinkCount);
                Assert.Equal(0, d.PauseCount);
                Assert.Null(d.WaitingOn);
                for (var i = 0; i < node.Links.Count; i++)
                {
                    Assert.Equal(1, _runs.GetValueOrDefault((node.Id, i)));
                }

                if (node != _main)
                {
                    // A Deferred another one waited on (or took the result of) is left with null.
                    if (_taken.Contains(node.Id))
                    {
                        Assert.Null(d.Result);
                    }
                    else
                    {
                        AssertOutcome(Evaluate(node), d);
                    }
                }

                d.AddErrback(_ => null);
            }
        }

        private static void AssertOutcome(Outcome expected, Deferred actual)
        {
            Assert.True(actual.Called);
            if (expected.IsError)
            {
                var failure = Assert.IsType<Failure>(actual.Result);
                Assert.Equal(expected.Code, Assert.IsType<ModelException>(failure.Value).Message);
            }
            else
            {
                Assert.Equal(expected.Value, actual.Result);
            }
        }

        /// <summary>The reference model: run the node's links in order, nothing else.</summary>
        private Outcome Evaluate(Node node)
        {
            var current = node.FiresWithError ? Outcome.Error(node.FireCode) : Outcome.Ok(node.FireValue);
            foreach (var link in node.Links)
            {
                var op = current.IsError ? link.OnError : link.OnValue;
                current = op.Kind switch
                {
                    OpKind.Pass => current,
                    OpKind.Add => Outcome.Ok(current.IsError ? op.K : current.Value + op.K),
                    OpKind.Throw or OpKind.ReturnFailure or OpKind.ReturnFiredFailure => Outcome.Error(op.Code),
                    OpKind.ReturnFiredSuccess => Outcome.Ok(current.IsError ? op.K : current.Value + op.K),
                    OpKind.ReturnNode => Take(op.Child!),
                    _ => throw new InvalidOperationException(),
                };
            }

            return current;
        }

        private Outcome Take(Node child)
        {
            _taken.Add(child.Id);
            return Evaluate(child);
        }

        private Node NewNode(int depth, int maxLinks)
        {
            var fireError = _stream.Next(4) == 0;
            var node = new Node(_nodes.Count, fireError, _stream.Next(10), "fire" + _stream.Next(5).ToString(CultureInfo.InvariantCulture))
            {
                Paused = _stream.Next(4) == 0,
            };
            _nodes.Add(node);
            var links = _stream.Next(maxLinks + 1);
            for (var i = 0; i < links; i++)
            {
                node.Links.Add(new Link(NewOp(depth), NewOp(depth)));
            }

            return node;
        }

        private Op NewOp(int depth)
        {
            var kinds = depth < 3 ? 7 : 6;
            var kind = (OpKind)_stream.Next(kinds);
            var k = _stream.Next(10);
            var code = "e" + _stream.Next(5).ToString(CultureInfo.InvariantCulture);
            var child = kind == OpKind.ReturnNode ? NewNode(depth + 1, maxLinks: 4) : null;
            return new Op(kind, k, code, child);
        }

        private void AddLink(Node node, int index)
        {
            var link = node.Links[index];
            node.Deferred.AddCallbacks(
                value =>
                {
                    Ran(node, index);
                    return Apply(link.OnValue, (int)value!, null);
                },
                failure =>
                {
                    Ran(node, index);
                    return Apply(link.OnError, 0, failure);
                });
        }

        private void Ran(Node node, int index) => _runs[(node.Id, index)] = _runs.GetValueOrDefault((node.Id, index)) + 1;

        private static object? Apply(Op op, int value, Failure? failure) => op.Kind switch
        {
            OpKind.Pass => failure is null ? value : failure,
            OpKind.Add => failure is null ? value + op.K : op.K,
            OpKind.Throw => throw new ModelException(op.Code),
            OpKind.ReturnFailure => new Failure(new ModelException(op.Code)),
            OpKind.ReturnFiredSuccess => Deferred.Succeed(failure is null ? value + op.K : op.K),
            OpKind.ReturnFiredFailure => Deferred.Fail(new ModelException(op.Code)),
            OpKind.ReturnNode => op.Child!.Deferred,
            _ => throw new InvalidOperationException(),
        };
    }
}
