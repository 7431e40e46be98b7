using System.Net;
using Kintsugi.Tests.Infrastructure;
using static Kintsugi.Tests.Infrastructure.ContainerSteps;

namespace Kintsugi.Tests.Integration;

/// <summary>
/// "Park it": a parked item is its author's alone until they put it on a container's agenda; then
/// everyone in that container reads it; taken off, it is private again (SECURITY.md A3, A5). The
/// form on every space page goes back only to a page of the same space (no open redirect).
/// </summary>
public abstract class ParkingTests(KintsugiApp app)
{
    [Fact]
    public async Task What_was_talked_about_in_an_ended_container_stays_as_it_was_and_its_author_can_still_delete_it()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await alex.PlanAsync(spaceId, LocalIn(app, 1));
        var item = await sam.ParkAsync(spaceId, "The night of the party.");
        await sam.TryPlaceAsync(spaceId, item, id).ExpectAsync(HttpStatusCode.OK);
        await alex.PutJsonAsync(Container(spaceId, id) + "/started", new { }).ExpectAsync(HttpStatusCode.NoContent);
        await alex.PutJsonAsync(Container(spaceId, id) + "/closing", new { notes = "We talked.", next = "", version = 1 }).ExpectAsync(HttpStatusCode.OK);

        await SpaceSteps.AssertProblemAsync(await sam.PutJsonAsync($"{Parked(spaceId)}/{item}", new { text = "Reworded afterwards." }), HttpStatusCode.Conflict);
        await SpaceSteps.AssertProblemAsync(await sam.TryPlaceAsync(spaceId, item, null), HttpStatusCode.Conflict);
        Assert.Equal(["The night of the party."], await alex.AgendaAsync(spaceId, id));

        await sam.DeleteAsync($"{Parked(spaceId)}/{item}").ExpectAsync(HttpStatusCode.NoContent);
        Assert.Empty(await alex.AgendaAsync(spaceId, id));
    }

    [Fact]
    public async Task A_parked_item_is_private_until_its_author_puts_it_on_an_agenda_and_private_again_when_taken_off()
    {
        var (alex, sam, kit, spaceId) = await RepairSteps.ThreePartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam, kit]);
        var partnersOnly = await alex.PlanAsync(spaceId, LocalIn(app, 2));
        var withLee = await alex.PlanAsync(spaceId, LocalIn(app, 3), withPractitioner: true);

        var item = await sam.ParkAsync(spaceId, "  When you check your phone at dinner.  ");
        Assert.Equal([("When you check your phone at dinner.", "onlyMe", (Guid?)null)], await sam.MyParkedAsync(spaceId));
        Assert.Empty(await alex.MyParkedAsync(spaceId));
        Assert.Empty(await alex.AgendaAsync(spaceId, partnersOnly));

        // Nobody else can place, reword or delete it: the same 404 as for a missing item.
        var missing = SpaceSteps.UnknownId(app);
        foreach (var (refused, random) in new[]
                 {
                     (await alex.TryPlaceAsync(spaceId, item, partnersOnly), await alex.TryPlaceAsync(spaceId, missing, partnersOnly)),
                     (await alex.PutJsonAsync($"{Parked(spaceId)}/{item}", new { text = "Rewritten by Alex." }), await alex.PutJsonAsync($"{Parked(spaceId)}/{missing}", new { text = "Rewritten by Alex." })),
                     (await kit.DeleteAsync($"{Parked(spaceId)}/{item}"), await kit.DeleteAsync($"{Parked(spaceId)}/{missing}")),
                 })
        {
            await SpaceSteps.AssertProblemAsync(refused, HttpStatusCode.NotFound);
            Assert.Equal(await Responses.ObservableAsync(random), await Responses.ObservableAsync(refused));
        }

        // On the partners' container: every partner reads it, the practitioner does not.
        var placed = await sam.TryPlaceAsync(spaceId, item, partnersOnly);
        Assert.Equal(HttpStatusCode.OK, placed.StatusCode);
        Assert.Equal("partners", (await Responses.JsonAsync(placed)).GetProperty("audience").GetString());
        foreach (var partner in new[] { alex, sam, kit })
        {
            Assert.Equal(["When you check your phone at dinner."], await partner.AgendaAsync(spaceId, partnersOnly));
        }

        Assert.Empty(await alex.AgendaAsync(spaceId, withLee));

        // Moved to the container held with the practitioner: now they read it too.
        await sam.TryPlaceAsync(spaceId, item, withLee).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(await kit.AgendaAsync(spaceId, partnersOnly));
        Assert.Equal(["When you check your phone at dinner."], await lee.AgendaAsync(spaceId, withLee));

        // Ticked off in the container, reworded by its author, then taken off: private again, at once.
        var agendaItem = (await alex.ContainerAsync(spaceId, withLee)).GetProperty("agenda")[0];
        Assert.Equal((item, "Sam", false), (agendaItem.GetProperty("id").GetGuid(), agendaItem.GetProperty("author").GetString(), agendaItem.GetProperty("talkedAbout").GetBoolean()));
        await lee.PutJsonAsync($"{Container(spaceId, withLee)}/agenda/{item}", new { talkedAbout = true }).ExpectAsync(HttpStatusCode.NoContent);
        Assert.True((await sam.ContainerAsync(spaceId, withLee)).GetProperty("agenda")[0].GetProperty("talkedAbout").GetBoolean());
        await sam.PutJsonAsync($"{Parked(spaceId)}/{item}", new { text = "When phones come to the table." }).ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(["When phones come to the table."], await kit.AgendaAsync(spaceId, withLee));
        await sam.TryPlaceAsync(spaceId, item, null).ExpectAsync(HttpStatusCode.OK);
        foreach (var reader in new[] { alex, kit, lee })
        {
            Assert.Empty(await reader.AgendaAsync(spaceId, withLee));
        }

        await SpaceSteps.AssertProblemAsync(await alex.PutJsonAsync($"{Container(spaceId, withLee)}/agenda/{item}", new { talkedAbout = false }), HttpStatusCode.NotFound);
        Assert.Equal([("When phones come to the table.", "onlyMe", (Guid?)null)], await sam.MyParkedAsync(spaceId));

        // Deleted: gone from everywhere.
        await sam.TryPlaceAsync(spaceId, item, partnersOnly).ExpectAsync(HttpStatusCode.OK);
        await sam.DeleteAsync($"{Parked(spaceId)}/{item}").ExpectAsync(HttpStatusCode.NoContent);
        Assert.Empty(await alex.AgendaAsync(spaceId, partnersOnly));
        Assert.Empty(await sam.MyParkedAsync(spaceId));
    }

    [Fact]
    public async Task Only_upcoming_containers_take_items_and_calling_one_off_gives_its_agenda_back_privately()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var ended = await alex.PlanAsync(spaceId, LocalIn(app, 1));
        await alex.PutJsonAsync(Container(spaceId, ended) + "/started", new { }).ExpectAsync(HttpStatusCode.NoContent);
        await alex.PutJsonAsync(Container(spaceId, ended) + "/closing", new { notes = "", next = "", version = 1 }).ExpectAsync(HttpStatusCode.OK);
        var item = await alex.ParkAsync(spaceId, "The birthday we missed.");

        foreach (var target in new[] { ended, SpaceSteps.UnknownId(app) })
        {
            var response = await alex.TryPlaceAsync(spaceId, item, target);
            await SpaceSteps.AssertProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.NotEmpty(await Responses.ErrorsForAsync(response, "containerId"));
        }

        foreach (var text in new[] { "", "   ", new string('x', 2_001) })
        {
            var response = await alex.PostJsonAsync(Parked(spaceId), new { text });
            await SpaceSteps.AssertProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.NotEmpty(await Responses.ErrorsForAsync(response, "text"));
        }

        var planned = await sam.PlanAsync(spaceId, LocalIn(app, 4));
        await alex.TryPlaceAsync(spaceId, item, planned).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["The birthday we missed."], await sam.AgendaAsync(spaceId, planned));
        await sam.DeleteAsync(Container(spaceId, planned)).ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal([("The birthday we missed.", "onlyMe", (Guid?)null)], await alex.MyParkedAsync(spaceId));
        await SpaceSteps.AssertProblemAsync(await sam.GetAsync(Container(spaceId, planned)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Leaving_takes_what_the_leaver_parked_and_their_reminders_while_their_container_stays()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var samId = await alex.MembershipIdAsync(spaceId, "Sam");
        var id = await sam.PlanAsync(spaceId, LocalIn(app, 2));
        await sam.PutJsonAsync(Container(spaceId, id) + "/reminder", new { on = true }).ExpectAsync(HttpStatusCode.OK);
        var item = await sam.ParkAsync(spaceId, "Sam's parked question.");
        await sam.TryPlaceAsync(spaceId, item, id).ExpectAsync(HttpStatusCode.OK);
        await alex.PutJsonAsync(Container(spaceId, id) + "/started", new { }).ExpectAsync(HttpStatusCode.NoContent);
        await alex.PutJsonAsync(Container(spaceId, id) + "/speaker", new { speaker = samId }).ExpectAsync(HttpStatusCode.NoContent);

        await sam.LeaveAsync(spaceId, keepShared: true);

        var view = await alex.ContainerAsync(spaceId, id);
        Assert.Equal(("running", 0, System.Text.Json.JsonValueKind.Null), (view.GetProperty("state").GetString(), view.GetProperty("agenda").GetArrayLength(), view.GetProperty("speakerMembershipId").ValueKind));
    }

    [Fact]
    public async Task The_park_it_form_is_on_every_space_page_and_goes_back_only_to_a_page_of_the_same_space()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        var root = $"/spaces/{spaceId}";
        foreach (var page in new[] { root, root + "/journal", root + "/what-happened", root + "/decision", root + "/stages", root + "/conversations", root + "/containers", root + "/parked", root + "/people", root + "/settings", root + "/leave" })
        {
            using var response = await alex.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {response.StatusCode}\n" + string.Join('\n', app.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal)).TakeLast(2)));
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains($"action=\"{root}/park\"", html, StringComparison.Ordinal);
            Assert.Contains($"name=\"ReturnUrl\" value=\"{page}\"", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("/park\"", await lee.PageAsync(root), StringComparison.Ordinal);

        async Task<string?> ParkFromAsync(AppClient who, string page, string text, string returnUrl)
        {
            var response = await who.SubmitAsync(page, null, new Dictionary<string, string> { ["Text"] = text, ["ReturnUrl"] = returnUrl }, action: $"{root}/park");
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return response.Headers.Location?.OriginalString;
        }

        Assert.Equal($"{root}/journal?parked=done", await ParkFromAsync(alex, root + "/journal", "From the journal.", root + "/journal"));
        Assert.Equal($"{root}/conversations?x=1&parked=done", await ParkFromAsync(alex, root, "From the conversations.", root + "/conversations?x=1&parked=done"));
        foreach (var elsewhere in new[] { "//evil.example/x", "https://evil.example/", "/\\evil.example", "/account", "/spaces/" + Guid.Empty, "javascript:alert(1)", "" })
        {
            Assert.Equal($"{root}/parked?parked=done", await ParkFromAsync(alex, root, "Elsewhere " + elsewhere, elsewhere));
        }

        Assert.Equal($"{root}/journal?parked=empty", await ParkFromAsync(alex, root, "   ", root + "/journal"));
        Assert.Equal(9, (await alex.MyParkedAsync(spaceId)).Count);
        Assert.Contains("Parked for later", await alex.PageAsync($"{root}/journal?parked=done"), StringComparison.Ordinal);
        Assert.Empty(await sam.MyParkedAsync(spaceId));

        // Without the antiforgery token nothing is parked; a practitioner or stranger gets the not-found page.
        var forged = await alex.SubmitAsync(root, null, new Dictionary<string, string> { ["Text"] = "Forged." }, withToken: false, action: $"{root}/park");
        Assert.NotEqual(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Equal(9, (await alex.MyParkedAsync(spaceId)).Count);
        var byLee = await lee.SubmitAsync(root, null, new Dictionary<string, string> { ["Text"] = "The practitioner's." }, action: $"{root}/park");
        Assert.Equal(HttpStatusCode.NotFound, byLee.StatusCode);
    }

    [Fact]
    public async Task The_space_home_shows_the_next_container_to_everyone_in_it_and_what_I_parked_to_me_alone()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        var id = await alex.PlanAsync(spaceId, LocalIn(app, 3, "18:00"), withPractitioner: true);
        await sam.ParkAsync(spaceId, "One.");
        await sam.ParkAsync(spaceId, "Two.");

        static string Kinds(System.Text.Json.JsonElement where) => string.Join(",", where.GetProperty("forMe").EnumerateArray().Select(w => w.GetProperty("kind").GetString()).Where(k => k is "container" or "parked"));
        Assert.Equal("container", Kinds(await alex.GetJsonAsync($"/api/v1/spaces/{spaceId}/where-we-are")));
        Assert.Equal("container,parked", Kinds(await sam.GetJsonAsync($"/api/v1/spaces/{spaceId}/where-we-are")));
        Assert.Contains("You parked 2 things", await sam.PageAsync($"/spaces/{spaceId}"), StringComparison.Ordinal);
        Assert.DoesNotContain("You parked", await alex.PageAsync($"/spaces/{spaceId}"), StringComparison.Ordinal);
        Assert.Contains($"/spaces/{spaceId}/containers/{id}", await lee.PageAsync($"/spaces/{spaceId}"), StringComparison.Ordinal);
    }
}

public sealed class SqliteParkingTests(SqliteApp app) : ParkingTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresParkingTests(PostgresApp app) : ParkingTests(app), IClassFixture<PostgresApp>;
