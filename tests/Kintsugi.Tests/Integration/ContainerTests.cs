using System.Net;
using System.Text.Json;
using Kintsugi.Tests.Infrastructure;
using Kintsugi.Web.Features.Atone;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static Kintsugi.Tests.Infrastructure.ContainerSteps;

namespace Kintsugi.Tests.Integration;

/// <summary>
/// Containers: planned by partners in local time, started, turns, a pause that stops the clock, ten
/// more minutes, and an end with notes that never overwrites someone else's (SECURITY.md F3); the
/// practitioner sees only containers held with them; the .ics names nothing (C3).
/// </summary>
public abstract class ContainerTests(KintsugiApp app)
{
    [Fact]
    public async Task A_container_is_planned_started_taken_in_turns_paused_extended_and_ended_with_notes()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var samId = await alex.MembershipIdAsync(spaceId, "Sam");
        var later = await alex.PlanAsync(spaceId, LocalIn(app, 9), 90);
        var id = await alex.PlanAsync(spaceId, LocalIn(app, 2), 45);

        var list = await sam.GetJsonAsync(Containers(spaceId));
        Assert.Equal([(id, true), (later, false)], list.EnumerateArray().Select(c => (c.GetProperty("id").GetGuid(), c.GetProperty("isNext").GetBoolean())));
        var planned = await sam.ContainerAsync(spaceId, id);
        Assert.Equal(("planned", LocalIn(app, 2), 45, JsonValueKind.Null), (planned.GetProperty("state").GetString(), planned.GetProperty("at").GetString(), planned.GetProperty("minutes").GetInt32(), planned.GetProperty("secondsLeft").ValueKind));

        // Turns and pauses wait until it runs; it starts once, whoever presses first.
        await sam.PutJsonAsync(Container(spaceId, id) + "/speaker", new { speaker = samId }).ExpectAsync(HttpStatusCode.Conflict);
        await sam.PutJsonAsync(Container(spaceId, id) + "/started", new { }).ExpectAsync(HttpStatusCode.NoContent);
        await alex.PutJsonAsync(Container(spaceId, id) + "/started", new { }).ExpectAsync(HttpStatusCode.Conflict);
        await alex.PutJsonAsync(Container(spaceId, id) + "/speaker", new { speaker = samId }).ExpectAsync(HttpStatusCode.NoContent);
        var running = await alex.ContainerAsync(spaceId, id);
        Assert.Equal(("running", samId, 45 * 60), (running.GetProperty("state").GetString(), running.GetProperty("speakerMembershipId").GetGuid(), running.GetProperty("secondsLeft").GetInt32()));

        // Ten minutes in, a pause of twenty: the clock stands still while they rest.
        app.Time.Advance(TimeSpan.FromMinutes(10));
        var paused = await sam.PutJsonAsync(Container(spaceId, id) + "/pause", new { minutes = 20 });
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        app.Time.Advance(TimeSpan.FromMinutes(15));
        var resting = await alex.ContainerAsync(spaceId, id);
        Assert.Equal((35 * 60, JsonValueKind.String), (resting.GetProperty("secondsLeft").GetInt32(), resting.GetProperty("pausedUntil").ValueKind));
        await alex.PutJsonAsync(Container(spaceId, id) + "/pause", new { minutes = 0 }).ExpectAsync(HttpStatusCode.OK);
        app.Time.Advance(TimeSpan.FromMinutes(36));
        var up = await sam.ContainerAsync(spaceId, id);
        Assert.True(up.GetProperty("secondsLeft").GetInt32() < 0);
        Assert.True(up.GetProperty("timeUp").GetBoolean());

        // "Agree on ten more minutes", up to an hour.
        for (var i = 1; i <= 6; i++)
        {
            await alex.PutJsonAsync(Container(spaceId, id) + "/extended", new { }).ExpectAsync(HttpStatusCode.OK);
        }

        await SpaceSteps.AssertProblemAsync(await alex.PutJsonAsync(Container(spaceId, id) + "/extended", new { }), HttpStatusCode.BadRequest);
        Assert.Equal(60, (await sam.ContainerAsync(spaceId, id)).GetProperty("extraMinutes").GetInt32());

        // The end: notes and what happens next; a save from a stale page is refused and changes nothing.
        var ended = await alex.PutJsonAsync(Container(spaceId, id) + "/closing", new { notes = "  We talked about the autumn.  ", next = "Another container in two weeks.", version = 1 });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(2, (await Responses.JsonAsync(ended)).GetProperty("version").GetInt32());
        var stale = await sam.PutJsonAsync(Container(spaceId, id) + "/closing", new { notes = "Sam's version", next = "", version = 1 });
        await SpaceSteps.AssertProblemAsync(stale, HttpStatusCode.Conflict);
        var view = await sam.ContainerAsync(spaceId, id);
        Assert.Equal(("ended", "We talked about the autumn.", "Another container in two weeks.", 2, JsonValueKind.Null), (view.GetProperty("state").GetString(), view.GetProperty("notes").GetString(), view.GetProperty("next").GetString(), view.GetProperty("version").GetInt32(), view.GetProperty("speakerMembershipId").ValueKind));
        await sam.PutJsonAsync(Container(spaceId, id) + "/closing", new { notes = "We talked about the autumn, and the winter.", next = "Another container in two weeks.", version = 2 }).ExpectAsync(HttpStatusCode.OK);

        // An ended container cannot be started, paused, moved or called off; the later one is now next.
        await alex.PutJsonAsync(Container(spaceId, id) + "/pause", new { minutes = 20 }).ExpectAsync(HttpStatusCode.Conflict);
        await alex.PutJsonAsync(Container(spaceId, id) + "/plan", new { at = LocalIn(app, 3), minutes = 60, timeZone = "UTC" }).ExpectAsync(HttpStatusCode.Conflict);
        await alex.DeleteAsync(Container(spaceId, id)).ExpectAsync(HttpStatusCode.Conflict);
        var after = await alex.GetJsonAsync(Containers(spaceId));
        Assert.Equal([(later, true), (id, false)], after.EnumerateArray().Select(c => (c.GetProperty("id").GetGuid(), c.GetProperty("isNext").GetBoolean())));
    }

    [Fact]
    public async Task Bad_plans_and_steps_are_refused_with_a_message_for_the_field()
    {
        var (alex, _, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        foreach (var (plan, field) in new (object Plan, string Field)[]
                 {
                     (new { at = LocalIn(app, 2), minutes = 10 }, "minutes"),
                     (new { at = LocalIn(app, 2), minutes = 181 }, "minutes"),
                     (new { at = "tomorrow evening", minutes = 60 }, "at"),
                     (new { at = (string?)null, minutes = 60 }, "at"),
                     (new { at = LocalIn(app, -2), minutes = 60 }, "at"),
                     (new { at = LocalIn(app, 800), minutes = 60 }, "at"),
                     (new { at = LocalIn(app, 2), minutes = 60, timeZone = "Mars/Olympus_Mons" }, "timeZone"),
                     (new { at = LocalIn(app, 2), minutes = 60, withPractitioner = true }, "withPractitioner"),
                 })
        {
            var response = await alex.TryPlanAsync(spaceId, plan);
            await SpaceSteps.AssertProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.NotEmpty(await Responses.ErrorsForAsync(response, field));
        }

        Assert.Equal(0, (await alex.GetJsonAsync(Containers(spaceId))).GetArrayLength());
        var id = await alex.PlanAsync(spaceId, LocalIn(app, 2));
        await alex.PutJsonAsync(Container(spaceId, id) + "/started", new { }).ExpectAsync(HttpStatusCode.NoContent);
        await SpaceSteps.AssertProblemAsync(await alex.PutJsonAsync(Container(spaceId, id) + "/pause", new { minutes = 5 }), HttpStatusCode.BadRequest);
        await SpaceSteps.AssertProblemAsync(await alex.PutJsonAsync(Container(spaceId, id) + "/speaker", new { speaker = SpaceSteps.UnknownId(app) }), HttpStatusCode.BadRequest);
        await SpaceSteps.AssertProblemAsync(await alex.PutJsonAsync(Container(spaceId, id) + "/closing", new { notes = new string('x', 5_001), version = 1 }), HttpStatusCode.BadRequest);
        await SpaceSteps.AssertProblemAsync(await alex.PutJsonAsync(Container(spaceId, id) + "/closing", new { notes = "", version = 0 }), HttpStatusCode.BadRequest);
        var notJson = await alex.Http.PutAsync(Container(spaceId, id) + "/pause", new StringContent("minutes=20"));
        Assert.True(notJson.StatusCode is HttpStatusCode.UnsupportedMediaType or HttpStatusCode.NotFound, $"{notJson.StatusCode}");
        Assert.Equal(JsonValueKind.Null, (await alex.ContainerAsync(spaceId, id)).GetProperty("pausedUntil").ValueKind);
    }

    [Fact]
    public async Task The_time_zone_of_the_planner_is_kept_with_the_plan_and_the_time_shows_as_typed()
    {
        var (alex, _, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var at = LocalIn(app, 5, "20:15");
        var id = await alex.PlanAsync(spaceId, at, 50, timeZone: "Europe/Berlin");
        Assert.Equal(at, (await alex.ContainerAsync(spaceId, id)).GetProperty("at").GetString());

        // The absolute start (for the reminder) is the typed time on the planner's clock.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var startsAt = await db.Containers.Where(c => c.Id == id).Select(c => c.StartsAt).SingleAsync();
            var local = DateTime.ParseExact(at, "yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(local, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")), startsAt);
            Assert.Equal(DateTimeKind.Utc, startsAt.Kind);
        }

        // Without a zone (no script), the time is taken as UTC.
        var utc = await alex.PlanAsync(spaceId, LocalIn(app, 6), 50, timeZone: null);
        Assert.Equal("planned", (await alex.ContainerAsync(spaceId, utc)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_practitioner_sees_and_helps_run_only_a_container_held_with_them_and_never_plans()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, leeId) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        var samId = await alex.MembershipIdAsync(spaceId, "Sam");
        var without = await alex.PlanAsync(spaceId, LocalIn(app, 2));
        var with = await sam.PlanAsync(spaceId, LocalIn(app, 3), withPractitioner: true);

        Assert.Equal([with], (await lee.GetJsonAsync(Containers(spaceId))).EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        var missing = await lee.GetAsync(Container(spaceId, SpaceSteps.UnknownId(app)));
        var hidden = await lee.GetAsync(Container(spaceId, without));
        Assert.Equal(await Responses.ObservableAsync(missing), await Responses.ObservableAsync(hidden));
        foreach (var refused in new[]
                 {
                     await lee.PutJsonAsync(Container(spaceId, without) + "/started", new { }),
                     await lee.GetAsync(Container(spaceId, without) + "/invite.ics"),
                     await lee.TryPlanAsync(spaceId, new { at = LocalIn(app, 4), minutes = 60 }),
                     await lee.PutJsonAsync(Container(spaceId, with) + "/plan", new { at = LocalIn(app, 4), minutes = 60, withPractitioner = true }),
                     await lee.DeleteAsync(Container(spaceId, with)),
                     await lee.PostJsonAsync(Parked(spaceId), new { text = "The practitioner's own thought." }),
                     await lee.GetAsync(Parked(spaceId)),
                 })
        {
            await SpaceSteps.AssertProblemAsync(refused, HttpStatusCode.NotFound);
        }

        // In the container held with them they help run it: start, turns (partners only speak), pause, notes.
        await lee.PutJsonAsync(Container(spaceId, with) + "/started", new { }).ExpectAsync(HttpStatusCode.NoContent);
        await lee.PutJsonAsync(Container(spaceId, with) + "/speaker", new { speaker = samId }).ExpectAsync(HttpStatusCode.NoContent);
        await SpaceSteps.AssertProblemAsync(await lee.PutJsonAsync(Container(spaceId, with) + "/speaker", new { speaker = leeId }), HttpStatusCode.BadRequest);
        await lee.PutJsonAsync(Container(spaceId, with) + "/pause", new { minutes = 20 }).ExpectAsync(HttpStatusCode.OK);
        await lee.PutJsonAsync(Container(spaceId, with) + "/closing", new { notes = "Dr Lee's summary.", next = "", version = 1 }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Dr Lee's summary.", (await alex.ContainerAsync(spaceId, with)).GetProperty("notes").GetString());

        // Taking the practitioner out of a planned container takes it out of their sight at once.
        var moved = await alex.PlanAsync(spaceId, LocalIn(app, 8), withPractitioner: true);
        Assert.Equal(HttpStatusCode.OK, (await lee.GetAsync(Container(spaceId, moved))).StatusCode);
        await sam.PutJsonAsync(Container(spaceId, moved) + "/plan", new { at = LocalIn(app, 8), minutes = 60, withPractitioner = false }).ExpectAsync(HttpStatusCode.NoContent);
        await SpaceSteps.AssertProblemAsync(await lee.GetAsync(Container(spaceId, moved)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Outsiders_and_former_partners_get_the_same_404_as_for_a_missing_container()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (stranger, _) = await AppClient.SignedInAsync(app, "stranger");
        var ownSpace = await stranger.CreateSpaceAsync("Elsewhere", "Robin");
        var id = await alex.PlanAsync(spaceId, LocalIn(app, 2));
        var item = await alex.ParkAsync(spaceId, "Alex's parked worry.");
        Assert.Equal(HttpStatusCode.OK, (await alex.TryPlaceAsync(spaceId, item, id)).StatusCode);
        await sam.LeaveAsync(spaceId);

        foreach (var who in new[] { stranger, sam })
        {
            foreach (var (path, random) in new[]
                     {
                         (Container(spaceId, id), Container(spaceId, SpaceSteps.UnknownId(app))),
                         (Container(ownSpace, id), Container(ownSpace, SpaceSteps.UnknownId(app))),
                         (Container(spaceId, id) + "/invite.ics", Container(spaceId, SpaceSteps.UnknownId(app)) + "/invite.ics"),
                         (Containers(spaceId), Containers(SpaceSteps.UnknownId(app))),
                         (Parked(spaceId), Parked(SpaceSteps.UnknownId(app))),
                     })
            {
                var (seen, missing) = (await who.GetAsync(path), await who.GetAsync(random));
                await SpaceSteps.AssertProblemAsync(seen, HttpStatusCode.NotFound);
                Assert.Equal(await Responses.ObservableAsync(missing), await Responses.ObservableAsync(seen));
            }

            await SpaceSteps.AssertProblemAsync(await who.PutJsonAsync(Container(spaceId, id) + "/started", new { }), HttpStatusCode.NotFound);
            await SpaceSteps.AssertProblemAsync(await who.TryPlaceAsync(spaceId, item, null), HttpStatusCode.NotFound);
        }

        Assert.Equal("planned", (await alex.ContainerAsync(spaceId, id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_calendar_invite_has_a_neutral_title_and_nothing_anyone_wrote()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await alex.PlanAsync(spaceId, LocalIn(app, 4, "18:30"), 75);
        var item = await sam.ParkAsync(spaceId, "ics-canary the phone at dinner");
        Assert.Equal(HttpStatusCode.OK, (await sam.TryPlaceAsync(spaceId, item, id)).StatusCode);

        var response = await sam.GetAsync(Container(spaceId, id) + "/invite.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        var start = LocalIn(app, 4, "18:30").Replace("-", "", StringComparison.Ordinal).Replace(":", "", StringComparison.Ordinal) + "00";
        Assert.Contains("SUMMARY:Time together\r\n", ics, StringComparison.Ordinal);
        Assert.Contains($"DTSTART:{start}\r\n", ics, StringComparison.Ordinal);
        Assert.Contains($"UID:{id:N}@", ics, StringComparison.Ordinal);
        foreach (var word in new[] { "ics-canary", "Kintsugi", "container", "Alex", "Sam", "DESCRIPTION", "LOCATION", "ATTENDEE" })
        {
            Assert.DoesNotContain(word, ics, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_reminder_is_each_persons_own_choice_and_nobody_else_sees_it()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await alex.PlanAsync(spaceId, LocalIn(app, 2));
        var on = await sam.PutJsonAsync(Container(spaceId, id) + "/reminder", new { on = true });
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        Assert.True((await sam.ContainerAsync(spaceId, id)).GetProperty("remindMe").GetBoolean());
        Assert.False((await alex.ContainerAsync(spaceId, id)).GetProperty("remindMe").GetBoolean());
        await sam.PutJsonAsync(Container(spaceId, id) + "/reminder", new { on = false }).ExpectAsync(HttpStatusCode.OK);
        Assert.False((await sam.ContainerAsync(spaceId, id)).GetProperty("remindMe").GetBoolean());

        await alex.PutJsonAsync(Container(spaceId, id) + "/started", new { }).ExpectAsync(HttpStatusCode.NoContent);
        await SpaceSteps.AssertProblemAsync(await sam.PutJsonAsync(Container(spaceId, id) + "/reminder", new { on = true }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Adding_the_practitioner_to_a_container_does_not_widen_what_partners_placed_before_but_shows_them_what_comes_after()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        var at = LocalIn(app, 3);
        var id = await alex.PlanAsync(spaceId, at);
        var before = await sam.ParkAsync(spaceId, "PARTNERS-ONLY: what I want to say to Alex alone.");
        Assert.Equal(HttpStatusCode.OK, (await sam.TryPlaceAsync(spaceId, before, id)).StatusCode);

        await alex.PutJsonAsync(Container(spaceId, id) + "/plan", new { at, minutes = 60, withPractitioner = true, timeZone = "UTC" }).ExpectAsync(HttpStatusCode.NoContent);
        app.Time.Advance(TimeSpan.FromMinutes(1)); // the agenda is in the order things were placed
        var after = await alex.ParkAsync(spaceId, "Something for all three of us.");
        Assert.Equal(HttpStatusCode.OK, (await alex.TryPlaceAsync(spaceId, after, id)).StatusCode);

        var response = await lee.GetAsync(Container(spaceId, id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("PARTNERS-ONLY", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["Something for all three of us."], await lee.AgendaAsync(spaceId, id));
        Assert.Equal(["PARTNERS-ONLY: what I want to say to Alex alone.", "Something for all three of us."], await alex.AgendaAsync(spaceId, id));
        Assert.Contains(("PARTNERS-ONLY: what I want to say to Alex alone.", "partners", (Guid?)id), await sam.MyParkedAsync(spaceId));
    }

    [Fact]
    public async Task Removing_the_practitioner_drops_their_container_reminders_and_pending_reminders_of_the_space()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, leeMembership) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        var id = await alex.PlanAsync(spaceId, LocalIn(app, 3), withPractitioner: true);
        await lee.PutJsonAsync(Container(spaceId, id) + "/reminder", new { on = true }).ExpectAsync(HttpStatusCode.OK);
        await sam.PutJsonAsync(Container(spaceId, id) + "/reminder", new { on = true }).ExpectAsync(HttpStatusCode.OK);
        Guid leeUser;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            leeUser = await db.Memberships.Where(m => m.Id == leeMembership).Select(m => m.UserId).SingleAsync();
            Assert.True(await db.ContainerReminders.AnyAsync(r => r.UserId == leeUser && r.ContainerId == id));
            Assert.True(await db.ScheduledReminders.AnyAsync(r => r.UserId == leeUser && r.SpaceId == spaceId && r.SentAt == null));
        }

        Assert.Equal(HttpStatusCode.NoContent, (await sam.DeleteAsync($"/api/v1/spaces/{spaceId}/practitioners/{leeMembership}")).StatusCode);

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(await db.ContainerReminders.AnyAsync(r => r.UserId == leeUser));
            Assert.False(await db.ScheduledReminders.AnyAsync(r => r.UserId == leeUser && r.SpaceId == spaceId));
            // Sam's own reminder of the same container stays.
            Assert.Equal(1, await db.ScheduledReminders.CountAsync(r => r.Ref == id && r.SentAt == null));
        }
    }

    [Fact]
    public async Task A_container_reminder_is_due_a_day_before_and_e_mailed_without_a_general_opt_in_and_names_nothing()
    {
        var (alex, alexEmail) = await AppClient.SignedInAsync(app, "alex");
        var (sam, samEmail) = await AppClient.SignedInAsync(app, "sam");
        var spaceId = await alex.CreateSpaceAsync("CANARY-space Alex and Sam after the affair", "Alexandra");
        await sam.JoinAsync(spaceId, [alex], "Samwise");
        Assert.False((await sam.GetJsonAsync("/api/v1/account/reminders")).GetProperty("email").GetBoolean());

        // Opting out, starting and calling off each take the pending reminder away.
        var optedOut = await alex.PlanAsync(spaceId, LocalIn(app, 4));
        var started = await alex.PlanAsync(spaceId, LocalIn(app, 5));
        var calledOff = await alex.PlanAsync(spaceId, LocalIn(app, 6));
        foreach (var c in new[] { optedOut, started, calledOff })
        {
            await sam.PutJsonAsync(Container(spaceId, c) + "/reminder", new { on = true }).ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(1, await PendingAsync(c));
        }

        await sam.PutJsonAsync(Container(spaceId, optedOut) + "/reminder", new { on = false }).ExpectAsync(HttpStatusCode.OK);
        await alex.PutJsonAsync(Container(spaceId, started) + "/started", new { }).ExpectAsync(HttpStatusCode.NoContent);
        await alex.DeleteAsync(Container(spaceId, calledOff)).ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal((0, 0, 0), (await PendingAsync(optedOut), await PendingAsync(started), await PendingAsync(calledOff)));

        // Asked for twice at once: every answer is a yes, and there is one reminder.
        var twice = await alex.PlanAsync(spaceId, LocalIn(app, 7));
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => sam.PutJsonAsync(Container(spaceId, twice) + "/reminder", new { on = true })));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1, await PendingAsync(twice));

        // Planned three hours ahead: the reminder is due an hour before.
        var soon = await alex.PlanAsync(spaceId, app.Time.GetUtcNow().AddHours(3).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await sam.PutJsonAsync(Container(spaceId, soon) + "/reminder", new { on = true }).ExpectAsync(HttpStatusCode.OK);
        var (soonStarts, soonDue) = await StartAndDueAsync(soon);
        Assert.Equal(soonStarts.AddHours(-1), soonDue);

        // Three days ahead: one reminder, asked for, due a day before the start (UTC).
        var id = await alex.PlanAsync(spaceId, LocalIn(app, 3));
        var item = await alex.ParkAsync(spaceId, "CANARY-parked the phone at dinner");
        Assert.Equal(HttpStatusCode.OK, (await alex.TryPlaceAsync(spaceId, item, id)).StatusCode);
        await sam.PutJsonAsync(Container(spaceId, id) + "/reminder", new { on = true }).ExpectAsync(HttpStatusCode.OK);
        ScheduledReminder reminder;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            reminder = await db.ScheduledReminders.AsNoTracking().SingleAsync(r => r.Ref == id);
        }

        var (startsAt, _) = await StartAndDueAsync(id);
        Assert.Equal(("container", true, startsAt.AddDays(-1), spaceId), (reminder.Kind, reminder.AskedFor, reminder.DueAt, reminder.SpaceId));

        // The dispatcher sends it when it is due, and not before.
        var dispatcher = app.Services.GetServices<IHostedService>().OfType<ReminderDispatcher>().Single();
        app.Time.SetUtcNow(new DateTimeOffset(startsAt.AddDays(-1).AddMinutes(-1), TimeSpan.Zero));
        await dispatcher.RunOnceAsync(CancellationToken.None);
        Assert.NotNull(await PendingRowAsync(reminder.Id));
        app.Time.Advance(TimeSpan.FromMinutes(1));
        // The running dispatcher may claim it first; either way it is sent once.
        await dispatcher.RunOnceAsync(CancellationToken.None);
        Assert.Equal(0, await dispatcher.RunOnceAsync(CancellationToken.None));
        Assert.Null(await PendingRowAsync(reminder.Id));
        var mail = await app.Mail.WaitForAsync(samEmail, "Something you planned is coming up");
        var text = mail.Subject + mail.TextBody + mail.HtmlBody;
        foreach (var secret in new[] { "CANARY", "affair", "Alexandra", "Samwise", "phone", spaceId.ToString(), id.ToString() })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(app.Mail.To(alexEmail), m => m.Subject == mail.Subject);
    }

    private async Task<int> PendingAsync(Guid containerId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.ScheduledReminders.CountAsync(r => r.Ref == containerId && r.Kind == ContainerReminders.Kind && r.SentAt == null);
    }

    private async Task<ScheduledReminder?> PendingRowAsync(Guid reminderId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.ScheduledReminders.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reminderId && r.SentAt == null);
    }

    private async Task<(DateTime StartsAt, DateTime DueAt)> StartAndDueAsync(Guid containerId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var startsAt = await db.Containers.Where(c => c.Id == containerId).Select(c => c.StartsAt).SingleAsync();
        var due = await db.ScheduledReminders.Where(r => r.Ref == containerId && r.SentAt == null).Select(r => r.DueAt).SingleAsync();
        return (startsAt, due);
    }
}

public sealed class SqliteContainerTests(SqliteApp app) : ContainerTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresContainerTests(PostgresApp app) : ContainerTests(app), IClassFixture<PostgresApp>;
