using System.Net;
using System.Text.Json;
using Kintsugi.Tests.Infrastructure;

namespace Kintsugi.Tests.Integration;

/// <summary>
/// The decision point with sealed answers: until every partner has answered nobody sees any answer
/// (only their own); then all open together. Every question may be skipped (SECURITY.md C5), an
/// answer may change while sealed, and the decision can be revisited as a new round.
/// </summary>
public abstract class DecisionTests(KintsugiApp app)
{
    [Fact]
    public async Task Nobody_sees_any_answer_until_everyone_has_answered_then_all_open_together()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var fresh = await alex.DecisionAsync(spaceId);
        Assert.Equal(("open", 1, JsonValueKind.Null, JsonValueKind.Null, 0), (fresh.State(), fresh.GetProperty("round").GetInt32(), fresh.GetProperty("mine").ValueKind, fresh.GetProperty("answers").ValueKind, fresh.GetProperty("earlier").GetArrayLength()));
        var samBefore = (await sam.DecisionAsync(spaceId)).GetRawText();

        var waiting = await alex.AnswerAsync(spaceId, new { amends = "yes", release = "unsure", sureness = "4", path = "continue", note = "  I want to try.  " });

        Assert.Equal(("waiting", 1, JsonValueKind.Null), (waiting.State(), waiting.GetProperty("round").GetInt32(), waiting.GetProperty("answers").ValueKind));
        var mine = waiting.GetProperty("mine");
        Assert.Equal(("yes", "unsure", JsonValueKind.Null, "4", "continue", "I want to try."), (mine.GetProperty("amends").GetString(), mine.GetProperty("release").GetString(), mine.GetProperty("happy").ValueKind, mine.GetProperty("sureness").GetString(), mine.GetProperty("path").GetString(), mine.GetProperty("note").GetString()));
        Assert.Equal(waiting.GetRawText(), (await alex.DecisionAsync(spaceId)).GetRawText());
        var samNow = await sam.DecisionAsync(spaceId);
        Assert.Equal(("open", JsonValueKind.Null, JsonValueKind.Null), (samNow.State(), samNow.GetProperty("mine").ValueKind, samNow.GetProperty("answers").ValueKind));
        Assert.Equal(samBefore, samNow.GetRawText());

        var revealed = await sam.AnswerAsync(spaceId, new { amends = "unsure", path = "pause" });

        foreach (var (view, me) in new[] { (revealed, "Sam"), (await alex.DecisionAsync(spaceId), "Alex") })
        {
            Assert.Equal(("revealed", 1), (view.State(), view.GetProperty("round").GetInt32()));
            var answers = view.GetProperty("answers").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!);
            Assert.Equal(["Alex", "Sam"], answers.Keys.Order());
            Assert.Equal(me, answers.Single(a => a.Value.GetProperty("isMe").GetBoolean()).Key);
            Assert.Equal(("yes", "I want to try."), (answers["Alex"].GetProperty("text").GetProperty("amends").GetString(), answers["Alex"].GetProperty("text").GetProperty("note").GetString()));
            Assert.Equal(("unsure", "pause"), (answers["Sam"].GetProperty("text").GetProperty("amends").GetString(), answers["Sam"].GetProperty("text").GetProperty("path").GetString()));
        }
    }

    [Fact]
    public async Task An_answer_with_every_question_skipped_counts_as_answered()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);

        var waiting = await alex.AnswerAsync(spaceId, new { });
        Assert.Equal("waiting", waiting.State());
        Assert.All(waiting.GetProperty("mine").EnumerateObject(), p => Assert.Equal(JsonValueKind.Null, p.Value.ValueKind));

        var revealed = await sam.AnswerAsync(spaceId, new { amends = " ", release = "", note = "   " });
        Assert.Equal("revealed", revealed.State());
        Assert.Equal(2, revealed.GetProperty("answers").GetArrayLength());
        Assert.All(revealed.GetProperty("answers").EnumerateArray(), a => Assert.All(a.GetProperty("text").EnumerateObject(), p => Assert.Equal(JsonValueKind.Null, p.Value.ValueKind)));
    }

    [Fact]
    public async Task An_answer_can_be_changed_while_sealed_but_not_once_the_answers_are_open()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        await alex.AnswerAsync(spaceId, new { amends = "yes", note = "First thought." });

        var changed = await alex.AnswerAsync(spaceId, new { amends = "no" });
        Assert.Equal(("waiting", "no", JsonValueKind.Null), (changed.State(), changed.GetProperty("mine").GetProperty("amends").GetString(), changed.GetProperty("mine").GetProperty("note").ValueKind));
        Assert.Equal("open", (await sam.DecisionAsync(spaceId)).State());

        await sam.AnswerAsync(spaceId, new { amends = "yes" });
        var late = await alex.TryAnswerAsync(spaceId, new { amends = "yes" });
        var problem = await SpaceSteps.AssertProblemAsync(late, HttpStatusCode.Conflict);
        Assert.Contains("new round", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await SpaceSteps.AssertProblemAsync(await sam.TryAnswerAsync(spaceId, new { amends = "no" }), HttpStatusCode.Conflict);

        var view = await sam.DecisionAsync(spaceId);
        var answers = view.GetProperty("answers").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!, a => a.GetProperty("text").GetProperty("amends").GetString());
        Assert.Equal(("revealed", "no", "yes"), (view.State(), answers["Alex"], answers["Sam"]));
    }

    [Fact]
    public async Task A_new_round_opens_only_once_the_last_is_open_to_all_and_keeps_the_earlier_answers()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var rounds = $"/api/v1/spaces/{spaceId}/decision/rounds";
        var before = await alex.PostJsonAsync(rounds);
        await SpaceSteps.AssertProblemAsync(before, HttpStatusCode.Conflict);

        await alex.AnswerAsync(spaceId, new { amends = "yes" });
        // Sealed: the same refusal for the one who answered and the one who did not, and the same as before any answer.
        foreach (var who in new[] { alex, sam })
        {
            var sealedRound = await who.PostJsonAsync(rounds);
            Assert.Equal(await Responses.ObservableAsync(before), await Responses.ObservableAsync(sealedRound));
        }

        Assert.Equal("open", (await sam.DecisionAsync(spaceId)).State());
        app.Time.Advance(TimeSpan.FromMinutes(5));
        await sam.AnswerAsync(spaceId, new { amends = "unsure" });
        var revealedAt = app.Time.GetUtcNow().UtcDateTime;
        app.Time.Advance(TimeSpan.FromMinutes(90)); // a while later, still signed in

        var opened = await sam.PostJsonAsync(rounds);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var second = await Responses.JsonAsync(opened);
        Assert.Equal(("open", 2, JsonValueKind.Null, JsonValueKind.Null), (second.State(), second.GetProperty("round").GetInt32(), second.GetProperty("mine").ValueKind, second.GetProperty("answers").ValueKind));
        foreach (var view in new[] { second, await alex.DecisionAsync(spaceId) })
        {
            var earlier = Assert.Single(view.GetProperty("earlier").EnumerateArray());
            Assert.Equal(1, earlier.GetProperty("number").GetInt32());
            Assert.Equal(revealedAt, earlier.GetProperty("revealedAt").GetDateTime(), TimeSpan.FromMilliseconds(1));
            Assert.Equal(["unsure", "yes"], earlier.GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("text").GetProperty("amends").GetString()).Order());
        }

        // The new round is sealed again, and asking for yet another is refused until it opens.
        var alexSecond = await alex.AnswerAsync(spaceId, new { amends = "no" });
        Assert.Equal(("waiting", 2), (alexSecond.State(), alexSecond.GetProperty("round").GetInt32()));
        Assert.Equal("open", (await sam.DecisionAsync(spaceId)).State());
        await SpaceSteps.AssertProblemAsync(await alex.PostJsonAsync(rounds), HttpStatusCode.Conflict);
        Assert.Equal("revealed", (await sam.AnswerAsync(spaceId, new { amends = "no" })).State());
    }

    [Fact]
    public async Task With_three_partners_the_answers_open_only_when_the_third_has_answered()
    {
        var (alex, sam, kit, spaceId) = await RepairSteps.ThreePartnersAsync(app);

        Assert.Equal("waiting", (await alex.AnswerAsync(spaceId, new { amends = "yes" })).State());
        Assert.Equal("waiting", (await sam.AnswerAsync(spaceId, new { amends = "no" })).State());
        Assert.Equal(JsonValueKind.Null, (await alex.DecisionAsync(spaceId)).GetProperty("answers").ValueKind);
        Assert.Equal(("open", JsonValueKind.Null), ((await kit.DecisionAsync(spaceId)).State(), (await kit.DecisionAsync(spaceId)).GetProperty("answers").ValueKind));

        var revealed = await kit.AnswerAsync(spaceId, new { });

        Assert.Equal(("revealed", 3), (revealed.State(), revealed.GetProperty("answers").GetArrayLength()));
        foreach (var who in new[] { alex, sam })
        {
            var view = await who.DecisionAsync(spaceId);
            Assert.Equal(["Alex", "Kit", "Sam"], view.GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("name").GetString()).Order());
        }
    }

    [Fact]
    public async Task A_partner_who_joins_after_the_answers_opened_sees_none_of_them()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        await alex.AnswerAsync(spaceId, new { amends = "yes", note = "Only for the two of us then." });
        await sam.AnswerAsync(spaceId, new { amends = "yes" });
        var (kit, _) = await AppClient.SignedInAsync(app, "kit");
        app.Time.Advance(TimeSpan.FromMinutes(1));
        await kit.JoinAsync(spaceId, [alex, sam], "Kit");

        var view = await kit.DecisionAsync(spaceId);
        Assert.Equal(("notPartOf", 1, JsonValueKind.Null, JsonValueKind.Null), (view.State(), view.GetProperty("round").GetInt32(), view.GetProperty("mine").ValueKind, view.GetProperty("answers").ValueKind));
        Assert.DoesNotContain("Only for the two of us", view.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("revealed", (await alex.DecisionAsync(spaceId)).State());
        await SpaceSteps.AssertProblemAsync(await kit.TryAnswerAsync(spaceId, new { amends = "no" }), HttpStatusCode.Conflict);

        var opened = await kit.PostJsonAsync($"/api/v1/spaces/{spaceId}/decision/rounds");
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var kitsView = await Responses.JsonAsync(opened);
        Assert.Equal(("open", 2), (kitsView.State(), kitsView.GetProperty("round").GetInt32()));
        Assert.Equal(JsonValueKind.Null, Assert.Single(kitsView.GetProperty("earlier").EnumerateArray()).GetProperty("answers").ValueKind);
        Assert.DoesNotContain("Only for the two of us", kitsView.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(2, Assert.Single((await alex.DecisionAsync(spaceId)).GetProperty("earlier").EnumerateArray()).GetProperty("answers").GetArrayLength());
    }

    [Fact]
    public async Task A_partner_leaving_while_sealed_opens_the_round_to_those_who_answered_when_they_were_the_last_missing()
    {
        var (alex, sam, kit, spaceId) = await RepairSteps.ThreePartnersAsync(app);
        await alex.AnswerAsync(spaceId, new { amends = "yes" });
        await sam.AnswerAsync(spaceId, new { amends = "unsure" });
        Assert.Equal("waiting", (await alex.DecisionAsync(spaceId)).State());

        await kit.LeaveAsync(spaceId);

        foreach (var who in new[] { alex, sam })
        {
            var view = await who.DecisionAsync(spaceId);
            Assert.Equal("revealed", view.State());
            Assert.Equal(["Alex", "Sam"], view.GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("name").GetString()).Order());
        }

        // It stays open when someone new joins.
        var (wren, _) = await AppClient.SignedInAsync(app, "wren");
        app.Time.Advance(TimeSpan.FromMinutes(1));
        await wren.JoinAsync(spaceId, [alex, sam], "Wren");
        Assert.Equal("revealed", (await alex.DecisionAsync(spaceId)).State());
        Assert.Equal("notPartOf", (await wren.DecisionAsync(spaceId)).State());
    }

    [Fact]
    public async Task A_partner_leaving_takes_their_sealed_answer_with_them()
    {
        var (alex, sam, kit, spaceId) = await RepairSteps.ThreePartnersAsync(app);
        await kit.AnswerAsync(spaceId, new { amends = "no", note = "Kit's sealed words." });
        await alex.AnswerAsync(spaceId, new { amends = "yes" });

        await kit.LeaveAsync(spaceId);
        var revealed = await sam.AnswerAsync(spaceId, new { amends = "yes" });

        Assert.Equal(("revealed", 2), (revealed.State(), revealed.GetProperty("answers").GetArrayLength()));
        Assert.DoesNotContain("Kit's sealed words.", revealed.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Practitioners_get_404_from_every_part_of_the_decision_point()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        await alex.AnswerAsync(spaceId, new { amends = "yes" });
        var decision = $"/api/v1/spaces/{spaceId}/decision";

        foreach (var response in new[] { await lee.GetAsync(decision), await lee.TryAnswerAsync(spaceId, new { amends = "no" }), await lee.PostJsonAsync(decision + "/rounds") })
        {
            await SpaceSteps.AssertProblemAsync(response, HttpStatusCode.NotFound);
        }

        await sam.AnswerAsync(spaceId, new { amends = "yes" });
        await SpaceSteps.AssertProblemAsync(await lee.GetAsync(decision), HttpStatusCode.NotFound);
        Assert.Equal(2, (await alex.DecisionAsync(spaceId)).GetProperty("answers").GetArrayLength());
    }

    [Fact]
    public async Task Where_we_are_asks_each_partner_for_their_own_answer_and_never_changes_when_someone_else_answers()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var alexHome = await alex.WhereWeAreAsync(spaceId);
        Assert.Equal(("atone", "attune"), (alexHome.GetProperty("stage").GetString(), alexHome.GetProperty("next").GetString()));
        var waiting = Assert.Single(alexHome.GetProperty("forMe").EnumerateArray());
        Assert.Equal(("decision", $"/spaces/{spaceId}/decision"), (waiting.GetProperty("kind").GetString(), waiting.GetProperty("href").GetString()));
        var samBefore = (await sam.WhereWeAreAsync(spaceId)).GetRawText();
        Assert.Equal(["decision"], await sam.WaitingKindsAsync(spaceId));

        await alex.AnswerAsync(spaceId, new { amends = "yes" });

        Assert.Empty(await alex.WaitingKindsAsync(spaceId));
        Assert.Equal(samBefore, (await sam.WhereWeAreAsync(spaceId)).GetRawText());
        await alex.AnswerAsync(spaceId, new { amends = "no" });
        Assert.Equal(samBefore, (await sam.WhereWeAreAsync(spaceId)).GetRawText());

        await sam.AnswerAsync(spaceId, new { });
        Assert.Empty(await sam.WaitingKindsAsync(spaceId));
        Assert.Empty(await alex.WaitingKindsAsync(spaceId));

        // A new round asks everyone again; someone who joined after a round opened is told they were not part of it.
        Assert.Equal(HttpStatusCode.OK, (await alex.PostJsonAsync($"/api/v1/spaces/{spaceId}/decision/rounds")).StatusCode);
        foreach (var who in new[] { alex, sam })
        {
            var item = Assert.Single((await who.WhereWeAreAsync(spaceId)).GetProperty("forMe").EnumerateArray());
            Assert.Equal("decision", item.GetProperty("kind").GetString());
            Assert.Contains("new round", item.GetProperty("text").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Answers_that_are_not_offered_are_a_400_naming_the_question_and_save_nothing()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);

        (object Body, string Field)[] cases =
        [
            (new { amends = "maybe" }, "amends"),
            (new { release = "Yes" }, "release"),
            (new { happy = "sometimes" }, "happy"),
            (new { sureness = "6" }, "sureness"),
            (new { sureness = "0" }, "sureness"),
            (new { path = "run" }, "path"),
            (new { amends = "yes", note = new string('x', 2_001) }, "note"),
        ];
        foreach (var (body, field) in cases)
        {
            var response = await alex.TryAnswerAsync(spaceId, body);
            await SpaceSteps.AssertProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.True((await Responses.ErrorsForAsync(response, field)).Length > 0, $"no error for {field} in {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Equal(("open", JsonValueKind.Null), ((await alex.DecisionAsync(spaceId)).State(), (await alex.DecisionAsync(spaceId)).GetProperty("mine").ValueKind));
        Assert.Equal("waiting", (await sam.AnswerAsync(spaceId, new { amends = "no", release = "yes", happy = "unsure", sureness = "1", path = "part" })).State());
    }
}

public sealed class SqliteDecisionTests(SqliteApp app) : DecisionTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDecisionTests(PostgresApp app) : DecisionTests(app), IClassFixture<PostgresApp>;
