using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Kintsugi.Tests.Infrastructure;
using Kintsugi.Web.Features.Agreements;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kintsugi.Tests.Integration;

/// <summary>
/// Boundaries and agreements: every partner signs the exact version; an amendment needs every
/// signature again and keeps the earlier versions readable; a withdrawn signature or a new partner
/// means "needs re-agreement"; stale edits are a 409 with the current text (SECURITY.md F3); the
/// crossed-boundary loop with private views; transparency promises; the proactive plan; reminders.
/// </summary>
public abstract class AgreementTests(KintsugiApp app)
{
    [Fact]
    public async Task An_agreement_is_a_proposal_until_every_partner_signs_that_exact_version_and_an_amendment_needs_every_signature_again()
    {
        var (alex, sam, kit, spaceId) = await RepairSteps.ThreePartnersAsync(app);
        var id = await alex.ProposeAsync(spaceId, "  We value monogamy, so we keep romance and sex within our relationship.  ", reviewOn: Day(90));

        var proposed = await sam.AgreementAsync(spaceId, id);
        Assert.Equal(("proposal", 1, "We value monogamy, so we keep romance and sex within our relationship."), (proposed.State(), proposed.GetProperty("version").GetInt32(), proposed.GetProperty("current").GetProperty("text").GetString()));
        Assert.Equal(["Alex", "Sam", "Kit"], proposed.GetProperty("waitingFor").EnumerateArray().Select(n => n.GetString()).Select(n => n == "you" ? "Sam" : n));

        Assert.Equal("proposal", await alex.SignAsync(spaceId, id, 1));
        Assert.Equal("proposal", await sam.SignAsync(spaceId, id, 1));
        var signedAt = app.Time.GetUtcNow().UtcDateTime;
        Assert.Equal("agreed", await kit.SignAsync(spaceId, id, 1));

        var amended = await sam.AmendAsync(spaceId, id, "We keep romance and sex within our relationship, and we tell each other about crushes early.", 1);
        Assert.Equal(2, amended);
        var view = await kit.AgreementAsync(spaceId, id);
        Assert.Equal(("proposal", 2, 1), (view.State(), view.GetProperty("version").GetInt32(), view.GetProperty("lastAgreed").GetInt32()));
        var first = view.GetProperty("versions")[0];
        Assert.Equal("We value monogamy, so we keep romance and sex within our relationship.", first.GetProperty("terms").GetProperty("text").GetString());
        Assert.Equal(["Alex", "Sam", "Kit"], first.GetProperty("signatures").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(signedAt, first.GetProperty("signatures")[2].GetProperty("signedAt").GetDateTime(), TimeSpan.FromMilliseconds(1));
        Assert.Empty(view.GetProperty("versions")[1].GetProperty("signatures").EnumerateArray());

        // Signing the version one read, after someone amended it, signs nothing.
        var stale = await alex.TrySignAsync(spaceId, id, 1);
        var problem = await SpaceSteps.AssertProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal(2, problem.GetProperty("current").GetProperty("version").GetInt32());
        Assert.Empty((await alex.AgreementAsync(spaceId, id)).GetProperty("versions")[1].GetProperty("signatures").EnumerateArray());

        foreach (var who in new[] { alex, sam })
        {
            Assert.Equal("proposal", await who.SignAsync(spaceId, id, 2));
        }

        Assert.Equal("agreed", await kit.SignAsync(spaceId, id, 2));
    }

    [Fact]
    public async Task A_withdrawn_signature_or_a_new_partner_means_needs_re_agreement_and_a_leaver_s_signatures_go()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await alex.ProposeAsync(spaceId, "No hidden accounts or apps.", "digital");
        await alex.SignAsync(spaceId, id, 1);
        Assert.Equal("agreed", await sam.SignAsync(spaceId, id, 1));

        var withdrawn = await sam.DeleteAsync($"{AgreementSteps.Agreements(spaceId)}/{id}/signature");
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("needsReagreement", (await alex.AgreementAsync(spaceId, id)).State());
        var signatures = (await alex.AgreementAsync(spaceId, id)).GetProperty("versions")[0].GetProperty("signatures");
        Assert.Equal(JsonValueKind.String, signatures.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Sam").GetProperty("withdrawnAt").ValueKind);
        await SpaceSteps.AssertProblemAsync(await sam.DeleteAsync($"{AgreementSteps.Agreements(spaceId)}/{id}/signature"), HttpStatusCode.BadRequest);
        Assert.Equal("agreed", await sam.SignAsync(spaceId, id, 1));

        // Someone new did not agree to anything yet.
        var (kit, _) = await AppClient.SignedInAsync(app, "kit");
        await kit.JoinAsync(spaceId, [alex, sam], "Kit");
        Assert.Equal("needsReagreement", (await alex.AgreementAsync(spaceId, id)).State());

        // A proposal signed by everyone but the one who leaves is agreed once they have left.
        var second = await alex.ProposeAsync(spaceId, "One evening a week is ours.", "time");
        await alex.SignAsync(spaceId, second, 1);
        await sam.SignAsync(spaceId, second, 1);
        await kit.SignAsync(spaceId, id, 1);
        await kit.LeaveAsync(spaceId);
        Assert.Equal("agreed", (await alex.AgreementAsync(spaceId, second)).State());
        Assert.NotNull((await alex.AgreementAsync(spaceId, second)).GetProperty("versions")[0].GetProperty("agreedAt").GetString());
        Assert.DoesNotContain("Kit", (await alex.AgreementAsync(spaceId, id)).GetProperty("versions")[0].GetProperty("signatures").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Two_amendments_from_the_same_version_never_overwrite_the_second_gets_409_with_the_current_text()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await alex.ProposeAsync(spaceId, "We talk before big purchases.", "money");

        var results = await Task.WhenAll(
            alex.TryAmendAsync(spaceId, id, new { text = "We talk before any purchase over 200.", area = "money", version = 1 }),
            sam.TryAmendAsync(spaceId, id, new { text = "We talk before any purchase over 500.", area = "money", version = 1 }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], results.Select(r => r.StatusCode).Order());
        var winner = results.Single(r => r.StatusCode == HttpStatusCode.OK) == results[0] ? "We talk before any purchase over 200." : "We talk before any purchase over 500.";
        var problem = await SpaceSteps.AssertProblemAsync(results.Single(r => r.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict);
        Assert.Equal(("Changed meanwhile", winner, 2), (problem.GetProperty("title").GetString(), problem.GetProperty("current").GetProperty("current").GetProperty("text").GetString(), problem.GetProperty("current").GetProperty("version").GetInt32()));

        var view = await alex.AgreementAsync(spaceId, id);
        Assert.Equal([1, 2], view.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        Assert.Equal(winner, view.GetProperty("current").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Bad_input_is_a_400_next_to_its_field_and_saves_nothing()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, leeMembership) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        var cases = new (object Body, string Field)[]
        {
            (new { text = "   " }, "text"),
            (new { text = new string('a', 2_001) }, "text"),
            (new { text = "Ok.", consequence = "somethingElse" }, "consequenceWords"),
            (new { text = "Ok.", reviewOn = Day(-1) }, "reviewOn"),
            (new { text = "Ok.", reviewOn = Day(0) }, "reviewOn"),
            (new { text = "Ok.", appliesTo = new[] { leeMembership } }, "appliesTo"),
            (new { text = "Ok.", kind = "transparency" }, "endsOn"),
            (new { text = "Ok.", kind = "transparency", endsOn = Day(400) }, "endsOn"),
        };
        foreach (var (body, field) in cases)
        {
            var response = await alex.TryProposeAsync(spaceId, body);
            await SpaceSteps.AssertProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.NotEmpty(await Responses.ErrorsForAsync(response, field));
        }

        foreach (var body in new object[] { new { text = "Ok.", area = "work" }, new { text = "Ok.", area = 2 }, new { text = "Ok.", kind = "surveillance" } })
        {
            await SpaceSteps.AssertProblemAsync(await alex.TryProposeAsync(spaceId, body), HttpStatusCode.BadRequest);
        }

        Assert.Equal(0, (await alex.GetJsonAsync(AgreementSteps.Agreements(spaceId))).GetArrayLength());
        var id = await alex.ProposeAsync(spaceId, "Ok.");
        await SpaceSteps.AssertProblemAsync(await alex.TryAmendAsync(spaceId, id, new { text = "", version = 1 }), HttpStatusCode.BadRequest);
        await SpaceSteps.AssertProblemAsync(await alex.TryAmendAsync(spaceId, id, new { text = "New.", version = 0 }), HttpStatusCode.BadRequest);
        await SpaceSteps.AssertProblemAsync(await alex.TrySignAsync(spaceId, id, 7), HttpStatusCode.BadRequest);
        Assert.Equal(1, (await sam.AgreementAsync(spaceId, id)).GetProperty("version").GetInt32());
        _ = lee;
    }

    [Fact]
    public async Task A_crossing_goes_examine_discuss_reset_with_private_views_and_its_history_kept()
    {
        var (alex, sam, kit, spaceId) = await RepairSteps.ThreePartnersAsync(app);
        var (alexMember, samMember) = (await alex.MembershipIdAsync(spaceId, "Alex"), await alex.MembershipIdAsync(spaceId, "Sam"));
        var id = await alex.ProposeAsync(spaceId, "No contact with the person from the affair.", "emotional", "endRelationship");
        foreach (var who in new[] { alex, sam, kit })
        {
            await who.SignAsync(spaceId, id, 1);
        }

        // Alex records it about themselves: the bravest part.
        var crossing = await alex.RecordCrossingAsync(spaceId, id, "I answered a message from them.", alexMember, samMember);
        var recorded = await kit.CrossingAsync(spaceId, id, crossing);
        Assert.Equal(("examine", 1, "I answered a message from them.", "Alex", false), (recorded.GetProperty("stage").GetString(), recorded.GetProperty("versionNumber").GetInt32(), recorded.GetProperty("note").GetString(), recorded.GetProperty("recordedBy").GetString(), recorded.GetProperty("involvedMe").GetBoolean()));
        Assert.Equal(["Alex", "Sam"], recorded.GetProperty("involved").EnumerateArray().Select(n => n.GetString()));
        Assert.Contains("crossing", await sam.WaitingKindsAsync(spaceId));
        Assert.DoesNotContain("crossing", await kit.WaitingKindsAsync(spaceId));

        // Sam's view is private until Sam shares it.
        var samView = await sam.WriteViewAsync(spaceId, crossing, "Sam's view: I felt the floor go.");
        Assert.DoesNotContain("crossing", await sam.WaitingKindsAsync(spaceId));
        static IEnumerable<string?> Views(JsonElement c) => c.GetProperty("views").EnumerateArray().Select(v => v.GetProperty("text").GetString());
        Assert.Equal(["Sam's view: I felt the floor go."], Views(await sam.CrossingAsync(spaceId, id, crossing)));
        Assert.Empty(Views(await alex.CrossingAsync(spaceId, id, crossing)));
        await sam.ShareAsync(spaceId, samView, "partners");
        Assert.Equal(["Sam's view: I felt the floor go."], Views(await alex.CrossingAsync(spaceId, id, crossing)));

        // Discuss, in a rebuilding conversation; a stale save is refused.
        var conversationId = await kit.StartConversationAsync(spaceId);
        var discuss = await kit.TryMoveCrossingAsync(spaceId, id, crossing, new { to = "discuss", conversationId, discussNotes = "We talked on Sunday.", version = 1 });
        Assert.Equal(HttpStatusCode.OK, discuss.StatusCode);
        var stale = await alex.TryMoveCrossingAsync(spaceId, id, crossing, new { to = "discuss", discussNotes = "Overwrite.", version = 1 });
        await SpaceSteps.AssertProblemAsync(stale, HttpStatusCode.Conflict);
        var discussing = await alex.CrossingAsync(spaceId, id, crossing);
        Assert.Equal(("discuss", "We talked on Sunday.", conversationId), (discussing.GetProperty("stage").GetString(), discussing.GetProperty("discussNotes").GetString(), discussing.GetProperty("conversationId").GetGuid()));

        // Reset: amending is done by writing the new version.
        await SpaceSteps.AssertProblemAsync(await alex.TryMoveCrossingAsync(spaceId, id, crossing, new { to = "reset", outcome = "amend", version = 2 }), HttpStatusCode.BadRequest);
        await SpaceSteps.AssertProblemAsync(await alex.TryMoveCrossingAsync(spaceId, id, crossing, new { to = "reset", version = 2 }), HttpStatusCode.BadRequest);
        Assert.Equal(2, await sam.AmendAsync(spaceId, id, "No contact with them; if they write, we read it together and block them.", 1, crossing));
        var reset = await kit.CrossingAsync(spaceId, id, crossing);
        Assert.Equal(("reset", "amend", 2), (reset.GetProperty("stage").GetString(), reset.GetProperty("outcome").GetString(), reset.GetProperty("amendedTo").GetInt32()));
        Assert.Equal(["examine", "discuss", "reset"], reset.GetProperty("history").EnumerateArray().Select(m => m.GetProperty("stage").GetString()));
        Assert.Equal(1, reset.GetProperty("crossed").GetProperty("text").GetString() == "No contact with the person from the affair." ? 1 : 0);
        await SpaceSteps.AssertProblemAsync(await alex.TryMoveCrossingAsync(spaceId, id, crossing, new { to = "discuss", version = reset.GetProperty("version").GetInt32() }), HttpStatusCode.BadRequest);

        // Another crossing, reaffirmed.
        var again = await sam.RecordCrossingAsync(spaceId, id, "");
        Assert.Equal(1, (await sam.CrossingAsync(spaceId, id, again)).GetProperty("versionNumber").GetInt32()); // version 2 is not agreed yet
        Assert.Equal(HttpStatusCode.OK, (await sam.TryMoveCrossingAsync(spaceId, id, again, new { to = "reset", outcome = "reaffirm", resetNote = "We hold it.", version = 1 })).StatusCode);
        var reaffirmed = await alex.CrossingAsync(spaceId, id, again);
        Assert.Equal(("reaffirm", "We hold it."), (reaffirmed.GetProperty("outcome").GetString(), reaffirmed.GetProperty("resetNote").GetString()));
        Assert.Equal(2, (await alex.AgreementAsync(spaceId, id)).GetProperty("crossings").GetArrayLength());
    }

    [Fact]
    public async Task A_transparency_promise_records_an_end_and_a_review_and_its_calendar_file_names_nothing()
    {
        var (alex, alexEmail) = await AppClient.SignedInAsync(app, "alex");
        var (sam, samEmail) = await AppClient.SignedInAsync(app, "sam");
        var spaceId = await alex.CreateSpaceAsync("Alex and Sam after the affair");
        await sam.JoinAsync(spaceId, [alex], "Sam");
        var response = await alex.TryProposeAsync(spaceId, new { kind = "transparency", text = "I'll share my calendar with you.", area = "time", endsOn = Day(90) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await Responses.JsonAsync(response)).GetProperty("id").GetGuid();
        var view = await sam.AgreementAsync(spaceId, id);
        Assert.Equal(("transparency", Day(90), Day(90), false), (view.GetProperty("kind").GetString(), view.GetProperty("current").GetProperty("endsOn").GetString(), view.GetProperty("current").GetProperty("reviewOn").GetString(), view.GetProperty("ended").GetBoolean()));

        var ics = await sam.GetAsync($"{AgreementSteps.Agreements(spaceId)}/reviews.ics");
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        var calendar = await ics.Content.ReadAsStringAsync();
        Assert.Contains("SUMMARY:Time to check in", calendar, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:" + Day(90).Replace("-", "", StringComparison.Ordinal), calendar, StringComparison.Ordinal);
        foreach (var secret in new[] { "calendar with you", "Alex", "Sam", "affair", "Kintsugi", "transparen" })
        {
            Assert.DoesNotContain(secret, calendar, StringComparison.OrdinalIgnoreCase);
        }

        app.Time.Advance(TimeSpan.FromDays(92));
        await alex.SignInAsync(alexEmail);
        await sam.SignInAsync(samEmail);
        Assert.True((await sam.AgreementAsync(spaceId, id)).GetProperty("ended").GetBoolean());
        Assert.Contains("transparencyEnded", await alex.WaitingKindsAsync(spaceId));
    }

    [Fact]
    public async Task A_review_date_reminds_in_the_app_and_by_content_free_e_mail_only_those_who_opted_in()
    {
        var (alex, alexEmail) = await AppClient.SignedInAsync(app, "alex");
        var (sam, samEmail) = await AppClient.SignedInAsync(app, "sam");
        var spaceId = await alex.CreateSpaceAsync("Alex and Sam");
        await sam.JoinAsync(spaceId, [alex], "Sam");
        Assert.False((await alex.GetJsonAsync("/api/v1/account/reminders")).GetProperty("email").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await alex.PutJsonAsync("/api/v1/account/reminders", new { email = true })).StatusCode);
        Assert.True((await alex.GetJsonAsync("/api/v1/account/reminders")).GetProperty("email").GetBoolean());

        var id = await alex.ProposeAsync(spaceId, "CANARY-review We keep Friday evenings.", "time", reviewOn: Day(10));
        await alex.SignAsync(spaceId, id, 1);
        await sam.SignAsync(spaceId, id, 1);
        Assert.DoesNotContain("review", await sam.WaitingKindsAsync(spaceId));
        var dispatcher = app.Services.GetServices<IHostedService>().OfType<ReminderDispatcher>().Single();
        Assert.Equal(0, await dispatcher.RunOnceAsync(CancellationToken.None));

        app.Time.Advance(TimeSpan.FromDays(11));
        await sam.SignInAsync(samEmail);
        Assert.Contains("review", await sam.WaitingKindsAsync(spaceId));
        // The running dispatcher may claim them first; either way each is sent once.
        await dispatcher.RunOnceAsync(CancellationToken.None);
        Assert.Equal(0, await dispatcher.RunOnceAsync(CancellationToken.None));
        var mail = await app.Mail.WaitForAsync(alexEmail);
        var text = mail.Subject + mail.TextBody;
        foreach (var secret in new[] { "CANARY", "Friday", "Alex", "Sam", spaceId.ToString() })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("/spaces", mail.TextBody, StringComparison.Ordinal);
        await Task.Delay(500);
        Assert.Single(app.Mail.To(alexEmail), m => m.Subject == mail.Subject);
        Assert.DoesNotContain(app.Mail.To(samEmail), m => m.Subject == mail.Subject);
    }

    [Fact]
    public async Task The_proactive_plan_is_written_together_and_a_stale_save_is_a_409_with_both_texts_in_reach()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var plan = $"/api/v1/spaces/{spaceId}/plan";
        Assert.Equal((0, ""), ((await sam.GetJsonAsync(plan)).GetProperty("version").GetInt32(), (await sam.GetJsonAsync(plan)).GetProperty("misunderstandings").GetString()));

        Assert.Equal(HttpStatusCode.OK, (await alex.PutJsonAsync(plan, new { misunderstandings = "We ask what the other meant.", version = 0 })).StatusCode);
        var stale = await sam.PutJsonAsync(plan, new { misunderstandings = "Sam's version.", version = 0 });
        var problem = await SpaceSteps.AssertProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal("We ask what the other meant.", problem.GetProperty("current").GetProperty("misunderstandings").GetString());
        Assert.Equal(HttpStatusCode.OK, (await sam.PutJsonAsync(plan, new { misunderstandings = "We ask what the other meant, then we wait.", poorDecisions = "We tell each other the same day.", version = 1 })).StatusCode);
        await SpaceSteps.AssertProblemAsync(await alex.PutJsonAsync(plan, new { miscommunication = "Stale.", version = 1 }), HttpStatusCode.Conflict);
        await SpaceSteps.AssertProblemAsync(await alex.PutJsonAsync(plan, new { miscommunication = new string('x', 4_001), version = 2 }), HttpStatusCode.BadRequest);
        var view = await alex.GetJsonAsync(plan);
        Assert.Equal(("We ask what the other meant, then we wait.", "We tell each other the same day.", 2), (view.GetProperty("misunderstandings").GetString(), view.GetProperty("poorDecisions").GetString(), view.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task Practitioners_outsiders_and_ex_partners_get_404_from_every_part_of_agreements()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        var (stranger, _) = await AppClient.SignedInAsync(app, "stranger");
        await stranger.CreateSpaceAsync("Elsewhere");
        var id = await alex.ProposeAsync(spaceId, "Private words of the partners.");
        var crossing = await alex.RecordCrossingAsync(spaceId, id, "A crossing note.");
        var root = AgreementSteps.Agreements(spaceId);
        foreach (var outsider in new[] { lee, stranger })
        {
            foreach (var response in new[]
                     {
                         await outsider.GetAsync(root),
                         await outsider.PostJsonAsync(root, new { text = "x" }),
                         await outsider.GetAsync($"{root}/reviews.ics"),
                         await outsider.GetAsync($"{root}/{id}"),
                         await outsider.PutJsonAsync($"{root}/{id}", new { text = "x", version = 1 }),
                         await outsider.PostJsonAsync($"{root}/{id}/signature", new { version = 1 }),
                         await outsider.DeleteAsync($"{root}/{id}/signature"),
                         await outsider.PostJsonAsync($"{root}/{id}/crossings", new { note = "x" }),
                         await outsider.GetAsync($"{root}/{id}/crossings/{crossing}"),
                         await outsider.PutJsonAsync($"{root}/{id}/crossings/{crossing}", new { to = "discuss", version = 1 }),
                         await outsider.GetAsync($"/api/v1/spaces/{spaceId}/plan"),
                         await outsider.PutJsonAsync($"/api/v1/spaces/{spaceId}/plan", new { version = 0 }),
                     })
            {
                var text = await response.Content.ReadAsStringAsync();
                await SpaceSteps.AssertProblemAsync(response, HttpStatusCode.NotFound);
                Assert.DoesNotContain("Private words", text, StringComparison.Ordinal);
            }
        }

        await sam.LeaveAsync(spaceId);
        await SpaceSteps.AssertProblemAsync(await sam.GetAsync($"{root}/{id}"), HttpStatusCode.NotFound);
        Assert.Equal(1, (await alex.AgreementAsync(spaceId, id)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Amending_with_a_crossing_that_was_reset_meanwhile_is_a_409_and_makes_no_version()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await alex.ProposeAsync(spaceId, "We tell each other when we are late.", "time");
        var crossing = await alex.RecordCrossingAsync(spaceId, id, "I was late and did not say.");

        // Hold the agreement's row (on SQLite: the write lock) so the amendment waits after its checks,
        // and reset the crossing in that moment, as a partner pressing "reset" at the same time would.
        HttpResponseMessage response;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Agreements.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Latest, a => a.Latest));
            var amending = sam.TryAmendAsync(spaceId, id, new { text = "We text when we will be late.", area = "time", consequence = "seekTherapy", version = 1, crossingId = crossing });
            await WaitUntilBlockedAsync(db, amending);
            await db.Crossings.Where(c => c.Id == crossing)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Stage, CrossingStage.Reset).SetProperty(c => c.Outcome, CrossingOutcome.Reaffirm).SetProperty(c => c.Version, c => c.Version + 1));
            await transaction.CommitAsync();
            response = await amending;
        }

        await SpaceSteps.AssertProblemAsync(response, HttpStatusCode.Conflict);
        var view = await alex.AgreementAsync(spaceId, id);
        Assert.Equal((1, "We tell each other when we are late."), (view.GetProperty("version").GetInt32(), view.GetProperty("current").GetProperty("text").GetString()));
        Assert.Equal([1], view.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        var reset = await alex.CrossingAsync(spaceId, id, crossing);
        Assert.Equal(("reset", "reaffirm", JsonValueKind.Null), (reset.GetProperty("stage").GetString(), reset.GetProperty("outcome").GetString(), reset.GetProperty("amendedTo").ValueKind));
    }

    [Fact]
    public async Task A_crossing_can_be_taken_to_a_container_of_its_space_and_only_of_its_space()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await alex.ProposeAsync(spaceId, "We keep Sunday mornings.", "time");
        var crossing = await alex.RecordCrossingAsync(spaceId, id, "I worked on Sunday.");
        var container = await sam.PlanAsync(spaceId, ContainerSteps.LocalIn(app, 2));
        var elsewhere = await alex.CreateSpaceAsync("Elsewhere");
        var (kim, _) = await AppClient.SignedInAsync(app, "kim");
        await kim.JoinAsync(elsewhere, [alex], "Kim");
        var foreign = await alex.PlanAsync(elsewhere, ContainerSteps.LocalIn(app, 2));

        var wrong = await alex.TryMoveCrossingAsync(spaceId, id, crossing, new { to = "discuss", containerId = foreign, version = 1 });
        await SpaceSteps.AssertProblemAsync(wrong, HttpStatusCode.BadRequest);
        Assert.NotEmpty(await Responses.ErrorsForAsync(wrong, "containerId"));
        Assert.Equal(("examine", JsonValueKind.Null), ((await alex.CrossingAsync(spaceId, id, crossing)).GetProperty("stage").GetString(), (await alex.CrossingAsync(spaceId, id, crossing)).GetProperty("containerId").ValueKind));

        Assert.Equal(HttpStatusCode.OK, (await alex.TryMoveCrossingAsync(spaceId, id, crossing, new { to = "discuss", containerId = container, version = 1 })).StatusCode);
        var discussed = await sam.CrossingAsync(spaceId, id, crossing);
        Assert.Equal(("discuss", container), (discussed.GetProperty("stage").GetString(), discussed.GetProperty("containerId").GetGuid()));
    }

    /// <summary>Waits until the request is blocked on the lock this test holds (PostgreSQL shows it; SQLite cannot, so a pause).</summary>
    private static async Task WaitUntilBlockedAsync(AppDbContext db, Task<HttpResponseMessage> request)
    {
        if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) != true)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            return;
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!request.IsCompleted && await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_locks WHERE NOT granted").SingleAsync() == 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), "The amendment never waited for the lock.");
            await Task.Delay(20);
        }
    }

    private string Day(int days) => DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed class SqliteAgreementTests(SqliteApp app) : AgreementTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAgreementTests(PostgresApp app) : AgreementTests(app), IClassFixture<PostgresApp>;
