using System.Globalization;
using System.Net;
using System.Text.Json;
using Kintsugi.Tests.Infrastructure;

namespace Kintsugi.Tests.Integration;

/// <summary>
/// The rebuilding conversation: four steps in any order, turn-taking, reflective listening (the
/// listener writes what they heard, the speaker confirms or corrects), a pause of at least twenty
/// minutes, next steps without lost updates (SECURITY.md F3), and a calendar file that names nobody (C3).
/// </summary>
public abstract class ConversationTests(KintsugiApp app)
{
    [Fact]
    public async Task A_conversation_about_a_shared_breach_gives_the_partner_who_was_hurt_the_floor_first()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (alexId, samId) = (await alex.MembershipIdAsync(spaceId, "Alex"), await alex.MembershipIdAsync(spaceId, "Sam"));
        var breach = await alex.RecordBreachAsync(spaceId, new
        {
            title = "The autumn",
            audience = "partners",
            people = new object[] { new { membershipId = alexId, role = "causedHarm" }, new { membershipId = samId, role = "hurt" } },
        });

        var id = await alex.StartConversationAsync(spaceId, breach);

        foreach (var (who, role) in new[] { (alex, "causedHarm"), (sam, "hurt") })
        {
            var view = await who.ConversationAsync(spaceId, id);
            Assert.Equal(("listen", samId, breach, "The autumn", role), (view.GetProperty("step").GetString(), view.GetProperty("speakerMembershipId").GetGuid(), view.GetProperty("breachId").GetGuid(), view.GetProperty("breachTitle").GetString(), view.GetProperty("myRole").GetString()));
            Assert.Equal(
                [("Alex", "causedHarm"), ("Sam", "hurt")],
                view.GetProperty("partners").EnumerateArray().Select(p => (p.GetProperty("name").GetString(), p.GetProperty("role").GetString())));
        }

        app.Time.Advance(TimeSpan.FromMinutes(1));
        var plain = await sam.ConversationAsync(spaceId, await sam.StartConversationAsync(spaceId));
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, "listen"), (plain.GetProperty("speakerMembershipId").ValueKind, plain.GetProperty("breachId").ValueKind, plain.GetProperty("step").GetString()));
        var list = await alex.GetJsonAsync($"/api/v1/spaces/{spaceId}/conversations");
        Assert.Equal([plain.GetProperty("id").GetGuid(), id], list.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task A_conversation_about_a_private_record_tells_the_others_nothing_from_it()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var samId = await alex.MembershipIdAsync(spaceId, "Sam");
        var secret = await alex.RecordBreachAsync(spaceId, new { title = "Alex's private record", people = new[] { new { membershipId = samId, role = "hurt" } } });
        var aboutSecret = await alex.StartConversationAsync(spaceId, secret);
        var aboutNothing = await alex.StartConversationAsync(spaceId);

        var (seen, control) = (await sam.ConversationAsync(spaceId, aboutSecret), await sam.ConversationAsync(spaceId, aboutNothing));

        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (seen.GetProperty("breachId").ValueKind, seen.GetProperty("breachTitle").ValueKind));
        Assert.Equal(control.GetProperty("speakerMembershipId").ValueKind, seen.GetProperty("speakerMembershipId").ValueKind);
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("myRole").ValueKind);
        Assert.All(seen.GetProperty("partners").EnumerateArray(), p => Assert.Equal(JsonValueKind.Null, p.GetProperty("role").ValueKind));
        Assert.Equal("Alex's private record", (await alex.ConversationAsync(spaceId, aboutSecret)).GetProperty("breachTitle").GetString());

        // And one about a record the starter cannot read is refused like one that never existed.
        var never = await sam.PostJsonAsync($"/api/v1/spaces/{spaceId}/conversations", new { breachId = SpaceSteps.UnknownId(app) });
        await SpaceSteps.AssertProblemAsync(never, HttpStatusCode.BadRequest);
        var hidden = await sam.PostJsonAsync($"/api/v1/spaces/{spaceId}/conversations", new { breachId = secret });
        Assert.Equal(await Responses.ObservableAsync(never), await Responses.ObservableAsync(hidden));
    }

    [Fact]
    public async Task Anyone_can_go_to_any_step_in_any_order_and_give_the_floor_to_a_partner()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (_, leeId) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        var alexId = await sam.MembershipIdAsync(spaceId, "Alex");
        var id = await alex.StartConversationAsync(spaceId);
        var path = $"/api/v1/spaces/{spaceId}/conversations/{id}";

        foreach (var (who, step) in new[] { (sam, "apology"), (alex, "listen"), (sam, "keepTalking"), (alex, "forward") })
        {
            Assert.Equal(HttpStatusCode.NoContent, (await who.PutJsonAsync(path + "/step", new { step })).StatusCode);
            Assert.Equal(step, (await alex.ConversationAsync(spaceId, id)).GetProperty("step").GetString());
        }

        await SpaceSteps.AssertProblemAsync(await alex.PutJsonAsync(path + "/step", new { step = "shouting" }), HttpStatusCode.BadRequest);

        await sam.PassTurnAsync(spaceId, id, alexId);
        var view = await sam.ConversationAsync(spaceId, id);
        Assert.Equal(alexId, view.GetProperty("speakerMembershipId").GetGuid());
        Assert.Equal("Alex", view.GetProperty("partners").EnumerateArray().Single(p => p.GetProperty("membershipId").GetGuid() == alexId).GetProperty("name").GetString());

        foreach (var notAPartner in new[] { leeId, SpaceSteps.UnknownId(app) })
        {
            var response = await alex.PutJsonAsync(path + "/speaker", new { speaker = notAPartner });
            await SpaceSteps.AssertProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.NotEmpty(await Responses.ErrorsForAsync(response, "speaker"));
        }

        Assert.Equal(alexId, (await alex.ConversationAsync(spaceId, id)).GetProperty("speakerMembershipId").GetGuid());
        await alex.PassTurnAsync(spaceId, id, null);
        Assert.Equal(JsonValueKind.Null, (await sam.ConversationAsync(spaceId, id)).GetProperty("speakerMembershipId").ValueKind);
    }

    [Fact]
    public async Task The_listener_writes_what_they_heard_and_only_the_speaker_confirms_or_corrects_it_for_every_partner_to_read()
    {
        var (alex, sam, kit, spaceId) = await RepairSteps.ThreePartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam, kit]);
        var samId = await alex.MembershipIdAsync(spaceId, "Sam");
        var id = await alex.StartConversationAsync(spaceId);

        var nobodySpeaking = await alex.TryReflectAsync(spaceId, id, "What I heard is…");
        await SpaceSteps.AssertProblemAsync(nobodySpeaking, HttpStatusCode.BadRequest);

        await alex.PassTurnAsync(spaceId, id, samId);
        var speakerReflecting = await sam.TryReflectAsync(spaceId, id, "What I heard myself say…");
        await SpaceSteps.AssertProblemAsync(speakerReflecting, HttpStatusCode.BadRequest);
        Assert.NotEmpty(await Responses.ErrorsForAsync(speakerReflecting, "text"));

        var reflection = await alex.ReflectAsync(spaceId, id, "  What I heard is that you felt alone that winter.  ");
        var answer = $"/api/v1/spaces/{spaceId}/conversations/{id}/reflections/{reflection}";

        foreach (var notTheSpeaker in new[] { alex, kit, lee })
        {
            await SpaceSteps.AssertProblemAsync(await notTheSpeaker.PutJsonAsync(answer, new { confirmed = true }), HttpStatusCode.NotFound);
        }

        var open = Assert.Single((await kit.ConversationAsync(spaceId, id)).GetProperty("reflections").EnumerateArray());
        Assert.Equal(("open", "What I heard is that you felt alone that winter.", "Sam", "Alex"), (open.GetProperty("status").GetString(), open.GetProperty("text").GetString(), open.GetProperty("speaker").GetString(), open.GetProperty("listener").GetString()));
        Assert.Contains("reflection", await sam.WaitingKindsAsync(spaceId));

        Assert.Equal(HttpStatusCode.NoContent, (await sam.PutJsonAsync(answer, new { confirmed = false, correction = "  Alone, and also afraid.  " })).StatusCode);

        foreach (var reader in new[] { alex, sam, kit })
        {
            var heard = Assert.Single((await reader.ConversationAsync(spaceId, id)).GetProperty("reflections").EnumerateArray());
            Assert.Equal(("corrected", "Alone, and also afraid."), (heard.GetProperty("status").GetString(), heard.GetProperty("correction").GetString()));
            Assert.Equal((reader == sam, reader == alex), (heard.GetProperty("speakerIsMe").GetBoolean(), heard.GetProperty("listenerIsMe").GetBoolean()));
        }

        Assert.DoesNotContain("reflection", await sam.WaitingKindsAsync(spaceId));
        Assert.Equal(HttpStatusCode.NoContent, (await sam.PutJsonAsync(answer, new { confirmed = true })).StatusCode);
        var confirmed = Assert.Single((await kit.ConversationAsync(spaceId, id)).GetProperty("reflections").EnumerateArray());
        Assert.Equal(("confirmed", JsonValueKind.Null), (confirmed.GetProperty("status").GetString(), confirmed.GetProperty("correction").ValueKind));
    }

    [Fact]
    public async Task A_pause_lasts_at_least_twenty_minutes_and_anyone_can_resume()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await alex.StartConversationAsync(spaceId);
        var pause = $"/api/v1/spaces/{spaceId}/conversations/{id}/pause";

        foreach (var minutes in new[] { 10, 19, 24 * 60 + 1 })
        {
            var tooShort = await sam.PutJsonAsync(pause, new { minutes });
            await SpaceSteps.AssertProblemAsync(tooShort, HttpStatusCode.BadRequest);
            Assert.NotEmpty(await Responses.ErrorsForAsync(tooShort, "minutes"));
        }

        Assert.Equal(JsonValueKind.Null, (await alex.ConversationAsync(spaceId, id)).GetProperty("pausedUntil").ValueKind);

        var until = app.Time.GetUtcNow().UtcDateTime.AddMinutes(20);
        var paused = await sam.PutJsonAsync(pause, new { minutes = 20 });
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        Assert.Equal(until, (await Responses.JsonAsync(paused)).GetProperty("until").GetDateTime(), TimeSpan.FromMilliseconds(1));
        Assert.Equal(until, (await alex.ConversationAsync(spaceId, id)).GetProperty("pausedUntil").GetDateTime(), TimeSpan.FromMilliseconds(1));

        app.Time.Advance(TimeSpan.FromMinutes(21));
        Assert.Equal(JsonValueKind.Null, (await alex.ConversationAsync(spaceId, id)).GetProperty("pausedUntil").ValueKind);

        Assert.Equal(HttpStatusCode.OK, (await sam.PutJsonAsync(pause, new { minutes = 30 })).StatusCode);
        Assert.Equal(JsonValueKind.String, (await alex.ConversationAsync(spaceId, id)).GetProperty("pausedUntil").ValueKind);
        var resumed = await alex.PutJsonAsync(pause, new { minutes = 0 });
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await Responses.JsonAsync(resumed)).GetProperty("until").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await sam.ConversationAsync(spaceId, id)).GetProperty("pausedUntil").ValueKind);
    }

    [Fact]
    public async Task Next_steps_saved_from_a_stale_version_are_a_409_and_never_overwrite()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await alex.StartConversationAsync(spaceId);
        var path = $"/api/v1/spaces/{spaceId}/conversations/{id}/next-steps";
        Assert.Equal(1, (await sam.ConversationAsync(spaceId, id)).GetProperty("version").GetInt32());

        var saved = await alex.PutJsonAsync(path, new { text = "  A walk on Sunday.  ", version = 1 });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(2, (await Responses.JsonAsync(saved)).GetProperty("version").GetInt32());

        var stale = await sam.PutJsonAsync(path, new { text = "Nothing planned.", version = 1 });
        var problem = await SpaceSteps.AssertProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal("Changed meanwhile", problem.GetProperty("title").GetString());

        var view = await sam.ConversationAsync(spaceId, id);
        Assert.Equal(("A walk on Sunday.", 2), (view.GetProperty("nextSteps").GetString(), view.GetProperty("version").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, (await sam.PutJsonAsync(path, new { text = "A walk on Sunday, and tea.", version = 2 })).StatusCode);
        Assert.Equal("A walk on Sunday, and tea.", (await alex.ConversationAsync(spaceId, id)).GetProperty("nextSteps").GetString());
    }

    [Fact]
    public async Task The_next_conversation_downloads_as_a_calendar_file_that_names_nobody_and_nothing()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app, "Alex and Sam after the affair");
        var breach = await alex.RecordBreachAsync(spaceId, new { title = "The autumn affair", audience = "partners" });
        var id = await alex.StartConversationAsync(spaceId, breach);
        var path = $"/api/v1/spaces/{spaceId}/conversations/{id}";

        await SpaceSteps.AssertProblemAsync(await sam.GetAsync(path + "/next.ics"), HttpStatusCode.NotFound);

        var day = app.Time.GetUtcNow().UtcDateTime.Date.AddDays(8);
        var at = day.AddHours(19).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        foreach (var bad in new object[] { new { at = "next Tuesday", minutes = 60 }, new { at, minutes = 5 }, new { at = day.AddYears(-1).ToString("yyyy-MM-dd'T'19:00", CultureInfo.InvariantCulture), minutes = 60 } })
        {
            await SpaceSteps.AssertProblemAsync(await alex.PutJsonAsync(path + "/schedule", bad), HttpStatusCode.BadRequest);
        }

        var scheduled = await alex.PutJsonAsync(path + "/schedule", new { at, minutes = 60 });
        Assert.Equal(HttpStatusCode.OK, scheduled.StatusCode);
        var answer = await Responses.JsonAsync(scheduled);
        Assert.Equal((at, 60), (answer.GetProperty("at").GetString(), answer.GetProperty("minutes").GetInt32()));
        var view = await sam.ConversationAsync(spaceId, id);
        Assert.Equal((at, 60), (view.GetProperty("nextTime").GetString(), view.GetProperty("minutes").GetInt32()));

        var file = await sam.GetAsync(path + "/next.ics");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("text/calendar", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("next-conversation.ics", file.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var ics = await file.Content.ReadAsStringAsync();
        var date = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        Assert.Contains($"\r\nDTSTART:{date}T190000\r\n", ics, StringComparison.Ordinal);
        Assert.Contains($"\r\nDTEND:{date}T200000\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nSUMMARY:Time together\r\n", ics, StringComparison.Ordinal);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        foreach (var revealing in new[] { "Alex", "Sam", "affair", "autumn", "Our space", spaceId.ToString(), spaceId.ToString("N"), breach.ToString("N") })
        {
            Assert.DoesNotContain(revealing, ics, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("conversation", await sam.WaitingKindsAsync(spaceId));
        var cleared = await sam.PutJsonAsync(path + "/schedule", new { at = "" });
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        await SpaceSteps.AssertProblemAsync(await alex.GetAsync(path + "/next.ics"), HttpStatusCode.NotFound);
        Assert.Equal(JsonValueKind.Null, (await alex.ConversationAsync(spaceId, id)).GetProperty("nextTime").ValueKind);
    }

    [Fact]
    public async Task A_note_taken_in_a_conversation_is_read_only_by_those_its_author_shared_it_with()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await alex.StartConversationAsync(spaceId);
        var (bob, _) = await AppClient.SignedInAsync(app, "bob");
        var bobsSpace = await bob.CreateSpaceAsync("Bob's space");
        var bobsConversation = await bob.StartConversationAsync(bobsSpace);

        var alexNote = await alex.WriteLinkedAsync(spaceId, "Alex's note, for Alex.", "note", conversationId: id);
        app.Time.Advance(TimeSpan.FromMinutes(1));
        await sam.WriteLinkedAsync(spaceId, "Sam's note, for both.", "note", conversationId: id, audience: "partners");

        static IEnumerable<string?> Notes(JsonElement view) => view.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("text").GetString());
        Assert.Equal(["Alex's note, for Alex.", "Sam's note, for both."], Notes(await alex.ConversationAsync(spaceId, id)));
        Assert.Equal(["Sam's note, for both."], Notes(await sam.ConversationAsync(spaceId, id)));
        var item = (await alex.GetJsonAsync($"/api/v1/spaces/{spaceId}/journal")).EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == alexNote);
        Assert.Equal(("note", id), (item.GetProperty("kind").GetString(), item.GetProperty("conversationId").GetGuid()));

        foreach (var elsewhere in new[] { bobsConversation, SpaceSteps.UnknownId(app) })
        {
            var response = await sam.TryWriteLinkedAsync(spaceId, "A note in someone else's conversation.", "note", conversationId: elsewhere);
            await SpaceSteps.AssertProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.NotEmpty(await Responses.ErrorsForAsync(response, "conversationId"));
        }
    }

    [Fact]
    public async Task Practitioners_get_404_from_every_part_of_a_conversation()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        var samId = await alex.MembershipIdAsync(spaceId, "Sam");
        var id = await alex.StartConversationAsync(spaceId);
        await alex.PassTurnAsync(spaceId, id, samId);
        var reflection = await alex.ReflectAsync(spaceId, id, "What I heard…");
        var at = app.Time.GetUtcNow().UtcDateTime.Date.AddDays(3).ToString("yyyy-MM-dd'T'19:00", CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.OK, (await alex.PutJsonAsync($"/api/v1/spaces/{spaceId}/conversations/{id}/schedule", new { at, minutes = 60 })).StatusCode);
        var list = $"/api/v1/spaces/{spaceId}/conversations";
        var one = $"{list}/{id}";

        foreach (var response in new[]
                 {
                     await lee.GetAsync(list),
                     await lee.PostJsonAsync(list, new { }),
                     await lee.GetAsync(one),
                     await lee.PutJsonAsync(one + "/step", new { step = "apology" }),
                     await lee.PutJsonAsync(one + "/speaker", new { speaker = samId }),
                     await lee.PutJsonAsync(one + "/pause", new { minutes = 20 }),
                     await lee.PutJsonAsync(one + "/ended", new { ended = true }),
                     await lee.PostJsonAsync(one + "/reflections", new { text = "What the practitioner heard." }),
                     await lee.PutJsonAsync($"{one}/reflections/{reflection}", new { confirmed = true }),
                     await lee.PutJsonAsync(one + "/next-steps", new { text = "Therapy.", version = 1 }),
                     await lee.PutJsonAsync(one + "/schedule", new { at, minutes = 60 }),
                     await lee.GetAsync(one + "/next.ics"),
                 })
        {
            await SpaceSteps.AssertProblemAsync(response, HttpStatusCode.NotFound);
        }

        var view = await sam.ConversationAsync(spaceId, id);
        Assert.Equal(("listen", samId, JsonValueKind.Null, 1, 1), (view.GetProperty("step").GetString(), view.GetProperty("speakerMembershipId").GetGuid(), view.GetProperty("endedAt").ValueKind, view.GetProperty("version").GetInt32(), view.GetProperty("reflections").GetArrayLength()));
        Assert.Equal(JsonValueKind.Null, view.GetProperty("pausedUntil").ValueKind);
    }
}

public sealed class SqliteConversationTests(SqliteApp app) : ConversationTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresConversationTests(PostgresApp app) : ConversationTests(app), IClassFixture<PostgresApp>;
