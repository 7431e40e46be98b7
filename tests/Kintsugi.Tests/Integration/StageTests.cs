using System.Net;
using System.Text.Json;
using Kintsugi.Tests.Infrastructure;

namespace Kintsugi.Tests.Integration;

/// <summary>
/// The stages Atone → Attune → Attach → Sustain: each partner privately says they feel ready to
/// move on, and the space moves when every partner has; nobody sees anyone else's readiness. Going
/// back is a proposal the others see and join; taking a wish back is silent.
/// </summary>
public abstract class StageTests(KintsugiApp app)
{
    [Fact]
    public async Task A_new_space_starts_at_atone_with_nobody_ready_and_nothing_proposed()
    {
        var (alex, _, spaceId) = await SpaceSteps.TwoPartnersAsync(app);

        var stage = await alex.StageAsync(spaceId);

        Assert.Equal(("atone", "attune", false, 0, JsonValueKind.Null), (stage.GetProperty("current").GetString(), stage.GetProperty("next").GetString(), stage.GetProperty("readyToMoveOn").GetBoolean(), stage.GetProperty("proposedBack").GetArrayLength(), stage.GetProperty("myProposal").ValueKind));
        Assert.Equal("atone", (await alex.WhereWeAreAsync(spaceId)).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task The_space_moves_on_only_when_every_partner_is_ready_and_nobody_sees_anyone_elses_readiness()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var samBefore = (await sam.StageAsync(spaceId)).GetRawText();
        var samHomeBefore = (await sam.WhereWeAreAsync(spaceId)).GetRawText();

        Assert.Equal(("atone", false), await alex.MoveStageAsync(spaceId, "attune"));

        var alexView = await alex.StageAsync(spaceId);
        Assert.Equal(("atone", true), (alexView.GetProperty("current").GetString(), alexView.GetProperty("readyToMoveOn").GetBoolean()));
        var samView = await sam.StageAsync(spaceId);
        Assert.Equal(("atone", false), (samView.GetProperty("current").GetString(), samView.GetProperty("readyToMoveOn").GetBoolean()));
        Assert.Equal(samBefore, samView.GetRawText());
        Assert.Equal(samHomeBefore, (await sam.WhereWeAreAsync(spaceId)).GetRawText());

        Assert.Equal(("attune", true), await sam.MoveStageAsync(spaceId, "attune"));

        foreach (var who in new[] { alex, sam })
        {
            var view = await who.StageAsync(spaceId);
            Assert.Equal(("attune", "attach", false, 0), (view.GetProperty("current").GetString(), view.GetProperty("next").GetString(), view.GetProperty("readyToMoveOn").GetBoolean(), view.GetProperty("proposedBack").GetArrayLength()));
            Assert.Equal("attune", (await who.WhereWeAreAsync(spaceId)).GetProperty("stage").GetString());
        }

        // Readiness was for the stage just left: one partner ready again does not move it.
        Assert.Equal(("attune", false), await alex.MoveStageAsync(spaceId, "attach"));
    }

    [Fact]
    public async Task With_three_partners_two_being_ready_does_not_move_the_space()
    {
        var (alex, sam, kit, spaceId) = await RepairSteps.ThreePartnersAsync(app);

        Assert.Equal(("atone", false), await alex.MoveStageAsync(spaceId, "attune"));
        Assert.Equal(("atone", false), await sam.MoveStageAsync(spaceId, "attune"));
        Assert.False((await kit.StageAsync(spaceId)).GetProperty("readyToMoveOn").GetBoolean());
        Assert.Equal(("attune", true), await kit.MoveStageAsync(spaceId, "attune"));
    }

    [Fact]
    public async Task Taking_readiness_back_is_silent_and_means_the_space_does_not_move()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var samBefore = (await sam.StageAsync(spaceId)).GetRawText();

        await alex.MoveStageAsync(spaceId, "attune");
        Assert.Equal(("atone", false), await alex.MoveStageAsync(spaceId, null));

        Assert.False((await alex.StageAsync(spaceId)).GetProperty("readyToMoveOn").GetBoolean());
        Assert.Equal(samBefore, (await sam.StageAsync(spaceId)).GetRawText());
        Assert.Equal(("atone", false), await sam.MoveStageAsync(spaceId, "attune"));
    }

    [Fact]
    public async Task Any_partner_can_propose_going_back_which_the_others_see_and_can_join_or_it_can_be_withdrawn()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        await alex.MoveStageAsync(spaceId, "attune");
        await sam.MoveStageAsync(spaceId, "attune");
        await alex.MoveStageAsync(spaceId, "attach");
        Assert.Equal(("attach", true), await sam.MoveStageAsync(spaceId, "attach"));

        // A proposal the others see; the one who made it sees it as theirs.
        Assert.Equal(("attach", false), await alex.MoveStageAsync(spaceId, "atone"));
        var samView = await sam.StageAsync(spaceId);
        Assert.Equal(["atone"], samView.GetProperty("proposedBack").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(JsonValueKind.Null, samView.GetProperty("myProposal").ValueKind);
        Assert.Equal("atone", (await alex.StageAsync(spaceId)).GetProperty("myProposal").GetString());
        Assert.Contains("stage", await sam.WaitingKindsAsync(spaceId));
        Assert.DoesNotContain("stage", await alex.WaitingKindsAsync(spaceId));

        // Withdrawn without a word: nothing is left of it for the others.
        Assert.Equal(("attach", false), await alex.MoveStageAsync(spaceId, null));
        Assert.Empty((await sam.StageAsync(spaceId)).GetProperty("proposedBack").EnumerateArray());
        Assert.DoesNotContain("stage", await sam.WaitingKindsAsync(spaceId));

        // Proposed again and agreed: the space goes back, and nobody is marked ready there.
        await alex.MoveStageAsync(spaceId, "attune");
        Assert.Equal(["attune"], (await sam.StageAsync(spaceId)).GetProperty("proposedBack").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(("attune", true), await sam.MoveStageAsync(spaceId, "attune"));
        foreach (var who in new[] { alex, sam })
        {
            var view = await who.StageAsync(spaceId);
            Assert.Equal(("attune", false, 0, JsonValueKind.Null), (view.GetProperty("current").GetString(), view.GetProperty("readyToMoveOn").GetBoolean(), view.GetProperty("proposedBack").GetArrayLength(), view.GetProperty("myProposal").ValueKind));
        }
    }

    [Fact]
    public async Task Skipping_a_stage_staying_put_or_going_past_sustain_is_a_400_and_changes_nothing()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);

        foreach (var to in new[] { "attach", "sustain", "atone" })
        {
            var response = await alex.TryMoveStageAsync(spaceId, to);
            await SpaceSteps.AssertProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.NotEmpty(await Responses.ErrorsForAsync(response, "to"));
        }

        await SpaceSteps.AssertProblemAsync(await alex.TryMoveStageAsync(spaceId, "beyond"), HttpStatusCode.BadRequest);
        Assert.False((await alex.StageAsync(spaceId)).GetProperty("readyToMoveOn").GetBoolean());

        foreach (var next in new[] { "attune", "attach", "sustain" })
        {
            await alex.MoveStageAsync(spaceId, next);
            Assert.Equal((next, true), await sam.MoveStageAsync(spaceId, next));
        }

        var atSustain = await alex.StageAsync(spaceId);
        Assert.Equal(("sustain", JsonValueKind.Null), (atSustain.GetProperty("current").GetString(), atSustain.GetProperty("next").ValueKind));
        var forward = await alex.TryMoveStageAsync(spaceId, "sustain");
        await SpaceSteps.AssertProblemAsync(forward, HttpStatusCode.BadRequest);
        Assert.Contains("last stage", Assert.Single(await Responses.ErrorsForAsync(forward, "to")), StringComparison.Ordinal);
        Assert.Equal(atSustain.GetRawText(), (await alex.StageAsync(spaceId)).GetRawText());
    }

    [Fact]
    public async Task Practitioners_get_404_from_the_stages()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        await alex.MoveStageAsync(spaceId, "attune");

        await SpaceSteps.AssertProblemAsync(await lee.GetAsync($"/api/v1/spaces/{spaceId}/stage"), HttpStatusCode.NotFound);
        await SpaceSteps.AssertProblemAsync(await lee.TryMoveStageAsync(spaceId, "attune"), HttpStatusCode.NotFound);

        // The practitioner's wish counts for nothing: Sam alone completes the move.
        Assert.Equal(("attune", true), await sam.MoveStageAsync(spaceId, "attune"));
        var home = await lee.WhereWeAreAsync(spaceId);
        Assert.Equal((JsonValueKind.Null, 0), (home.GetProperty("stage").ValueKind, home.GetProperty("forMe").GetArrayLength()));
    }

    [Fact]
    public async Task A_partner_leaving_lets_the_space_move_when_everyone_who_stays_is_ready()
    {
        var (alex, sam, kit, spaceId) = await RepairSteps.ThreePartnersAsync(app);
        await alex.MoveStageAsync(spaceId, "attune");
        await sam.MoveStageAsync(spaceId, "attune");

        await kit.LeaveAsync(spaceId);

        Assert.Equal("attune", (await alex.StageAsync(spaceId)).GetProperty("current").GetString());
    }
}

public sealed class SqliteStageTests(SqliteApp app) : StageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresStageTests(PostgresApp app) : StageTests(app), IClassFixture<PostgresApp>;
