using LineaHub.Schemas.Tickets;

namespace LineaHub.Schemas.Tests.Tickets;

public sealed class TicketStateMachineTests
{
    // The lifecycle as the issue describes it, written out independently of TicketStateMachine.Transitions:
    // state, action, the roles that may do it (any one is enough), and the state it leads to.
    private static readonly string[] ExpectedTable =
    [
        "open      offer     holder,dispatcher  -> offered",
        "open      accept    holder             -> accepted",
        "open      return    dispatcher         -> open",
        "open      cancel    origin             -> cancelled",
        "offered   accept    receiver           -> accepted",
        "offered   decline   receiver           -> declined",
        "offered   withdraw  dispatcher         -> declined",
        "offered   cancel    origin             -> cancelled",
        "declined  offer     holder,dispatcher  -> offered",
        "declined  return    holder,dispatcher  -> open",
        "declined  cancel    origin             -> cancelled",
        "accepted  pend      holder             -> pending",
        "accepted  resolve   holder             -> resolved",
        "accepted  cancel    origin             -> cancelled",
        "pending   resume    holder             -> accepted",
        "pending   cancel    origin             -> cancelled",
        "resolved  close     origin             -> closed",
        "resolved  reopen    origin             -> reopened",
        "resolved  cancel    origin             -> cancelled",
        "reopened  accept    holder             -> accepted",
        "reopened  cancel    origin             -> cancelled",
    ];

    private static readonly string[] States = ["open", "offered", "accepted", "pending", "resolved", "closed", "reopened", "declined", "cancelled"];

    private static readonly string[] Actions = ["offer", "accept", "decline", "withdraw", "return", "pend", "resume", "resolve", "close", "reopen", "cancel"];

    private static readonly string[] Roles = ["origin", "holder", "receiver", "dispatcher"];

    // Every single role, the origin holding its own ticket, and a caller with no role at all.
    private static readonly string[][] RoleSets = [.. Roles.Select(r => new[] { r }), ["origin", "holder"], []];

    private static readonly (string State, string Action, string[] Roles, string To)[] Expected =
    [
        .. ExpectedTable.Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(f => (f[0], f[1], f[2].Split(','), f[4])),
    ];

    private static readonly IReadOnlySet<string> Origin = Set("origin");
    private static readonly IReadOnlySet<string> Holder = Set("holder");
    private static readonly IReadOnlySet<string> Receiver = Set("receiver");
    private static readonly IReadOnlySet<string> Dispatcher = Set("dispatcher");
    private static readonly IReadOnlySet<string> OriginHolder = Set("origin", "holder");

    [Fact]
    public void The_codes_are_the_lower_case_ones_of_the_issue()
    {
        Assert.Equal(States, TicketStates.All);
        Assert.Equal(Actions, TicketActions.All);
        Assert.Equal(Roles, TicketActors.All);
    }

    [Fact]
    public void Exactly_the_expected_state_action_role_triples_move_and_to_the_expected_state()
    {
        var wrong = new List<string>();
        foreach (var state in States)
        {
            foreach (var action in Actions.Append("fly"))
            {
                foreach (var roles in RoleSets)
                {
                    var who = $"{{{string.Join(", ", roles)}}}";
                    var row = Expected.SingleOrDefault(e => e.State == state && e.Action == action && e.Roles.Intersect(roles).Any());

                    var result = TicketStateMachine.Apply(state, action, Set(roles));

                    if (row.To is not null)
                    {
                        if (!result.Moved || result.State != row.To || result.AllowedActions.Count != 0)
                        {
                            wrong.Add($"{state} {action} by {who}: expected to move to {row.To}, got moved={result.Moved} state={result.State}");
                        }
                    }
                    else if (result.Moved || result.State != state || !result.AllowedActions.SequenceEqual(ExpectedAllowed(state, roles)))
                    {
                        wrong.Add($"{state} {action} by {who}: expected a refusal listing [{string.Join(", ", ExpectedAllowed(state, roles))}], " +
                            $"got moved={result.Moved} state={result.State} allowed=[{string.Join(", ", result.AllowedActions)}]");
                    }
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Allowed_actions_are_those_of_the_expected_table_for_every_state_and_role_set()
    {
        foreach (var state in States)
        {
            foreach (var roles in RoleSets.Append(Roles))
            {
                Assert.Equal(ExpectedAllowed(state, roles), TicketStateMachine.AllowedActions(state, Set(roles)));
            }
        }
    }

    [Fact]
    public void The_origin_holding_its_own_ticket_may_do_what_either_role_may()
    {
        foreach (var state in States)
        {
            var either = TicketStateMachine.AllowedActions(state, Origin).Union(TicketStateMachine.AllowedActions(state, Holder));

            Assert.Equal(either.Order(), TicketStateMachine.AllowedActions(state, OriginHolder).Order());
        }
    }

    [Fact]
    public void Final_states_allow_nothing_to_anyone_and_every_other_state_can_be_cancelled_by_the_origin()
    {
        foreach (var state in States)
        {
            var final = state is "closed" or "cancelled";

            Assert.Equal(final, TicketStateMachine.IsFinal(state));
            if (final)
            {
                Assert.Empty(TicketStateMachine.AllowedActions(state, Set(Roles)));
            }
            else
            {
                Assert.Equal("cancelled", TicketStateMachine.Apply(state, "cancel", Origin).State);
            }
        }
    }

    [Fact]
    public void Only_pending_stops_the_sla_clock()
    {
        foreach (var state in States)
        {
            Assert.Equal(state == "pending", TicketStateMachine.StopsSlaClock(state));
        }
    }

    [Fact]
    public void Every_state_is_reachable_from_open_and_every_state_that_is_not_final_can_still_be_closed()
    {
        Assert.Equal(States.Order(), Reachable("open").Order());
        foreach (var state in States.Where(s => s is not "closed" and not "cancelled"))
        {
            Assert.Contains("closed", Reachable(state));
        }
    }

    [Fact]
    public void The_table_has_one_row_per_state_and_action_and_only_known_codes()
    {
        var transitions = TicketStateMachine.Transitions;

        Assert.Equal(transitions.Count, transitions.Select(t => (t.From, t.Action)).Distinct().Count());
        Assert.All(transitions, t =>
        {
            Assert.Contains(t.From, States);
            Assert.Contains(t.Action, Actions);
            Assert.Contains(t.To, States);
            Assert.NotEmpty(t.Actors);
            Assert.All(t.Actors, a => Assert.Contains(a, Roles));
        });
    }

    [Fact]
    public void Happy_path_with_an_overflow_handover()
    {
        // Node A opens the ticket and holds it; it offers it, node B accepts and becomes the holder.
        var state = "open";
        state = Move(state, "offer", OriginHolder, "offered");
        state = Move(state, "accept", Receiver, "accepted");
        state = Move(state, "pend", Holder, "pending");
        Assert.True(TicketStateMachine.StopsSlaClock(state));
        state = Move(state, "resume", Holder, "accepted");
        Assert.False(TicketStateMachine.StopsSlaClock(state));
        state = Move(state, "resolve", Holder, "resolved");
        state = Move(state, "close", Origin, "closed");

        Assert.True(TicketStateMachine.IsFinal(state));
    }

    [Fact]
    public void Reopen_path_when_the_citizen_is_not_satisfied()
    {
        var state = "resolved";
        state = Move(state, "reopen", Origin, "reopened");
        Assert.False(TicketStateMachine.Apply(state, "resolve", Holder).Moved);
        state = Move(state, "accept", Holder, "accepted");
        state = Move(state, "resolve", Holder, "resolved");
        Move(state, "close", Origin, "closed");
    }

    [Fact]
    public void Declined_and_timed_out_offers_go_back_to_dispatch_and_at_last_to_the_origin()
    {
        var state = "offered";
        state = Move(state, "decline", Receiver, "declined");
        state = Move(state, "offer", Dispatcher, "offered");
        state = Move(state, "withdraw", Dispatcher, "declined");
        state = Move(state, "return", Dispatcher, "open");
        Move(state, "accept", OriginHolder, "accepted");
    }

    [Fact]
    public void A_refusal_changes_nothing_and_lists_what_the_caller_may_do()
    {
        var result = TicketStateMachine.Apply("accepted", "close", OriginHolder);

        Assert.False(result.Moved);
        Assert.Equal("accepted", result.State);
        Assert.Equal(["pend", "resolve", "cancel"], result.AllowedActions);
    }

    [Fact]
    public void A_receiver_may_not_act_for_the_holder_nor_the_holder_for_the_receiver()
    {
        Assert.Equal(["accept", "decline"], TicketStateMachine.Apply("offered", "cancel", Receiver).AllowedActions);
        Assert.Empty(TicketStateMachine.Apply("offered", "accept", Holder).AllowedActions);
    }

    [Fact]
    public void An_unknown_state_is_an_error_not_a_refusal()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TicketStateMachine.Apply("Open", "offer", Holder));
        Assert.Throws<ArgumentOutOfRangeException>(() => TicketStateMachine.AllowedActions("lost", Holder));
        Assert.Throws<ArgumentOutOfRangeException>(() => TicketStateMachine.IsFinal("lost"));
        Assert.Throws<ArgumentOutOfRangeException>(() => TicketStateMachine.StopsSlaClock("lost"));
    }

    private static string Move(string state, string action, IReadOnlySet<string> roles, string expected)
    {
        var result = TicketStateMachine.Apply(state, action, roles);

        Assert.True(result.Moved, $"{state} {action} by {{{string.Join(", ", roles)}}} was refused");
        Assert.Equal(expected, result.State);
        return result.State;
    }

    private static List<string> ExpectedAllowed(string state, string[] roles) =>
        [.. Actions.Where(a => Expected.Any(e => e.State == state && e.Action == a && e.Roles.Intersect(roles).Any()))];

    private static HashSet<string> Reachable(string from)
    {
        var seen = new HashSet<string> { from };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var state))
        {
            foreach (var next in TicketStateMachine.Transitions.Where(t => t.From == state).Select(t => t.To).Where(seen.Add))
            {
                queue.Enqueue(next);
            }
        }

        return seen;
    }

    private static HashSet<string> Set(params string[] roles) => new(roles, StringComparer.Ordinal);
}
