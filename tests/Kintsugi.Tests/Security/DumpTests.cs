using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kintsugi.Tests.Infrastructure;
using Kintsugi.Web.Features.Repair;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kintsugi.Tests.Security;

/// <summary>
/// SECURITY.md D1: a distinct canary goes into every content field (space name and values, every
/// kind of member's name, entries of each audience, an earlier wording, entries whose audience
/// changed; the repair journey's breach records with the people's parts in them, accounts, impact
/// statements, decision answers, what was heard and its correction, next steps, the next time,
/// conversation notes; the Atone stage's letters with their drafts and answers, commitments with
/// their follow-through notes, questions and answers), and then the raw bytes at rest are searched for each: on SQLite the database file
/// with its -wal and -shm files (before and after a checkpoint) and everything else in the data
/// folder; on PostgreSQL a pg_dump of the app's database. A canary is "readable" if its text is
/// there as UTF-8, UTF-16 or hex. Controls keep the test from passing vacuously: the API returns
/// every canary to someone allowed to read it, and the same search finds what is stored in the
/// clear (an e-mail address) and a known byte value (an invite's code hash).
/// </summary>
public abstract class DumpTests(KintsugiApp app)
{
    [Fact]
    public async Task No_content_canary_is_readable_in_the_database_files_or_a_dump()
    {
        var canaries = new Dictionary<string, string>();
        string Canary(string field) => canaries[field] = $"CANARY-{field}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";

        var (alex, alexEmail) = await AppClient.SignedInAsync(app, "alex");
        var (sam, _) = await AppClient.SignedInAsync(app, "sam");
        var (doctor, _) = await AppClient.SignedInAsync(app, "doctor");
        var (wren, _) = await AppClient.SignedInAsync(app, "wren");

        var created = await alex.PostJsonAsync("/api/v1/spaces", new { name = Canary("spaceName"), displayName = Canary("creatorName"), journey = "affair", values = Canary("spaceValues") });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var spaceId = (await Responses.JsonAsync(created)).GetProperty("id").GetGuid();
        await alex.TakeSafetyCheckAsync(spaceId);
        await sam.JoinAsync(spaceId, [alex], Canary("joinerName"));
        await doctor.EnableTwoFactorAsync();
        await doctor.JoinAsync(spaceId, [alex, sam], Canary("practitionerName"), "practitioner");
        await wren.RequestToJoinAsync(await alex.InviteAsync(spaceId), Canary("pendingJoinerName"));

        var journal = $"/api/v1/spaces/{spaceId}/journal";
        var privateEntry = await alex.WriteEntryAsync(spaceId, Canary("entryPrivate"));
        var partnersEntry = await alex.WriteEntryAsync(spaceId, Canary("entryForPartners"), "partners");
        var practitionerEntry = await sam.WriteEntryAsync(spaceId, Canary("entryForPractitioner"), "partnersAndPractitioner");

        // Edited while shared: the first wording is kept as an earlier version.
        var edited = await alex.WriteEntryAsync(spaceId, Canary("entryBeforeEdit"), "partners");
        Assert.Equal(HttpStatusCode.OK, (await alex.Http.PutAsJsonAsync($"{journal}/{edited}", new { text = Canary("entryAfterEdit"), version = 1 })).StatusCode);

        // Audience changes: private made shared; shared, edited and widened; shared, edited and withdrawn (re-sealed each time).
        var madeShared = await alex.WriteEntryAsync(spaceId, Canary("entryMadeShared"));
        await alex.ShareAsync(spaceId, madeShared, "partners");
        var widened = await alex.WriteEntryAsync(spaceId, Canary("entryWidenedFirst"), "partners");
        Assert.Equal(HttpStatusCode.OK, (await alex.Http.PutAsJsonAsync($"{journal}/{widened}", new { text = Canary("entryWidenedSecond"), version = 1 })).StatusCode);
        await alex.ShareAsync(spaceId, widened, "partnersAndPractitioner");
        var withdrawn = await sam.WriteEntryAsync(spaceId, Canary("entryWithdrawnFirst"), "partnersAndPractitioner");
        Assert.Equal(HttpStatusCode.OK, (await sam.Http.PutAsJsonAsync($"{journal}/{withdrawn}", new { text = Canary("entryWithdrawnSecond"), version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sam.PostJsonAsync($"{journal}/{withdrawn}/withdraw")).StatusCode);

        // The repair journey. Breach records: shared, private, and shared then withdrawn (re-sealed); who
        // was hurt and who caused harm is inside the sealed record too, so the record's people, as the
        // app serializes them before sealing, are searched for as well.
        var members = (await alex.GetJsonAsync($"/api/v1/spaces/{spaceId}")).GetProperty("members").EnumerateArray().ToList();
        Guid MembershipOf(string name) => members.Single(m => m.GetProperty("displayName").GetString() == name).GetProperty("membershipId").GetGuid();
        var (alexMember, samMember) = (MembershipOf(canaries["creatorName"]), MembershipOf(canaries["joinerName"]));
        var sealedParts = new Dictionary<string, string>();
        var breaches = $"/api/v1/spaces/{spaceId}/breaches";
        object[] people = [new { membershipId = alexMember, role = "causedHarm" }, new { membershipId = samMember, role = "hurt" }];
        var breach = await RecordBreachAsync(alex, breaches, new { title = Canary("breachTitle"), kinds = BreachKinds, otherKind = Canary("breachOtherKind"), cameToLight = "2025-06-01", people, audience = "partners" });
        var privateBreach = await RecordBreachAsync(alex, breaches, new { title = Canary("breachPrivateTitle"), kinds = BreachKinds, otherKind = Canary("breachPrivateOtherKind"), people, audience = "onlyMe" });
        var withdrawnBreach = await RecordBreachAsync(sam, breaches, new { title = Canary("breachWithdrawnTitle"), kinds = BreachKinds, otherKind = Canary("breachWithdrawnOtherKind"), people = new[] { new { membershipId = samMember, role = "both" } }, audience = "partnersAndPractitioner" });
        Assert.Equal(HttpStatusCode.OK, (await sam.PutJsonAsync($"{breaches}/{withdrawnBreach}/audience", new { audience = "onlyMe" })).StatusCode);
        foreach (var (field, person) in new[] { ("breachPersonHurt", new BreachPerson(samMember, BreachRole.Hurt)), ("breachPersonCausedHarm", new BreachPerson(alexMember, BreachRole.CausedHarm)), ("breachPersonBoth", new BreachPerson(samMember, BreachRole.Both)) })
        {
            sealedParts[field] = JsonSerializer.Serialize(person, JsonSerializerOptions.Web);
        }

        var plaintext = new BreachRecord(canaries["breachTitle"], BreachKinds, canaries["breachOtherKind"], null, [new BreachPerson(alexMember, BreachRole.CausedHarm), new BreachPerson(samMember, BreachRole.Hurt)]).ToJson();
        Assert.Contains(sealedParts["breachPersonHurt"], plaintext, StringComparison.Ordinal);
        Assert.Contains(sealedParts["breachPersonCausedHarm"], plaintext, StringComparison.Ordinal);

        // Accounts and impact statements (journal entries about a record), shared and private.
        var account = await sam.PostJsonAsync(journal, new { text = Canary("accountEntry"), kind = "account", breachId = breach, audience = "partners" });
        Assert.Equal(HttpStatusCode.Created, account.StatusCode);
        var impact = await sam.PostJsonAsync(journal, new { text = Canary("impactEntry"), kind = "impact", breachId = breach, audience = "partnersAndPractitioner" });
        Assert.Equal(HttpStatusCode.Created, impact.StatusCode);
        var privateAccount = await alex.PostJsonAsync(journal, new { text = Canary("accountPrivate"), kind = "account", breachId = privateBreach });
        Assert.Equal(HttpStatusCode.Created, privateAccount.StatusCode);

        // The decision point: both partners answer, so the round opens; and a private wish to move on.
        Assert.Equal(HttpStatusCode.OK, (await alex.PutJsonAsync($"/api/v1/spaces/{spaceId}/decision/answer", new { amends = "yes", sureness = "4", path = "continue", note = Canary("decisionNote") })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sam.PutJsonAsync($"/api/v1/spaces/{spaceId}/decision/answer", new { amends = "unsure", path = "pause", note = Canary("decisionNoteOther") })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alex.PutJsonAsync($"/api/v1/spaces/{spaceId}/stage/move", new { to = "attune" })).StatusCode);

        // A rebuilding conversation about the shared record: Sam (hurt) has the floor, Alex writes back what
        // they heard, Sam corrects it; next steps, the next time (sealed as "local time/minutes"), notes.
        var started = await alex.PostJsonAsync($"/api/v1/spaces/{spaceId}/conversations", new { breachId = breach });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var conversation = $"/api/v1/spaces/{spaceId}/conversations/{(await Responses.JsonAsync(started)).GetProperty("id").GetGuid()}";
        var heard = await alex.PostJsonAsync(conversation + "/reflections", new { text = Canary("reflectionHeard") });
        Assert.Equal(HttpStatusCode.Created, heard.StatusCode);
        var reflection = (await Responses.JsonAsync(heard)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await sam.PutJsonAsync($"{conversation}/reflections/{reflection}", new { confirmed = false, correction = Canary("reflectionCorrection") })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alex.PutJsonAsync(conversation + "/next-steps", new { text = Canary("conversationNextSteps"), version = 1 })).StatusCode);
        var nextTime = app.Time.GetUtcNow().AddDays(301).ToString("yyyy-MM-dd'T'04:13", CultureInfo.InvariantCulture);
        canaries["conversationNextTime"] = nextTime;
        Assert.Equal(HttpStatusCode.OK, (await alex.PutJsonAsync(conversation + "/schedule", new { at = nextTime, minutes = 47 })).StatusCode);
        var conversationId = conversation[(conversation.LastIndexOf('/') + 1)..];
        var note = await alex.PostJsonAsync(journal, new { text = Canary("conversationNote"), kind = "note", conversationId, audience = "partners" });
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        var privateNote = await sam.PostJsonAsync(journal, new { text = Canary("conversationNotePrivate"), kind = "note", conversationId });
        Assert.Equal(HttpStatusCode.Created, privateNote.StatusCode);

        // Agreements: a version and its amendment (with the consequence in words), a crossing's note and
        // discussion notes, a private and a shared view of it (journal entries), and the proactive plan.
        var agreements = $"/api/v1/spaces/{spaceId}/agreements";
        var proposed = await alex.PostJsonAsync(agreements, new { text = Canary("agreementText"), area = "emotional", consequence = "somethingElse", consequenceWords = Canary("agreementConsequence") });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var agreement = $"{agreements}/{(await Responses.JsonAsync(proposed)).GetProperty("id").GetGuid()}";
        Assert.Equal(HttpStatusCode.OK, (await sam.PutJsonAsync(agreement, new { text = Canary("agreementAmended"), area = "emotional", version = 1 })).StatusCode);
        var crossed = await sam.PostJsonAsync(agreement + "/crossings", new { note = Canary("crossingNote"), involved = new[] { alexMember } });
        Assert.Equal(HttpStatusCode.Created, crossed.StatusCode);
        var crossingId = (await Responses.JsonAsync(crossed)).GetProperty("id").GetGuid();
        var crossing = $"{agreement}/crossings/{crossingId}";
        Assert.Equal(HttpStatusCode.OK, (await alex.PutJsonAsync(crossing, new { to = "discuss", discussNotes = Canary("crossingDiscussNotes"), version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await alex.PostJsonAsync(journal, new { text = Canary("examinationPrivate"), kind = "examination", crossingId })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await sam.PostJsonAsync(journal, new { text = Canary("examinationShared"), kind = "examination", crossingId, audience = "partners" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sam.PutJsonAsync($"/api/v1/spaces/{spaceId}/plan", new { misunderstandings = Canary("planMisunderstandings"), miscommunication = Canary("planMiscommunication"), version = 0 })).StatusCode);

        // The Atone stage. A letter: a private draft, then the shared wording, rewritten after sharing
        // (every draft is kept, sealed for its author); a letter kept private; an answer to the letter.
        var letters = $"/api/v1/spaces/{spaceId}/letters";
        var letter = await CreateAsync(alex, letters, new { text = Canary("letterDraftPrivate") });
        Assert.Equal(HttpStatusCode.OK, (await alex.PutJsonAsync($"{letters}/{letter}", new { text = Canary("letterShared"), version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alex.PutJsonAsync($"{letters}/{letter}/audience", new { audience = "partnersAndPractitioner" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alex.PutJsonAsync($"{letters}/{letter}", new { text = Canary("letterAfterSharing"), version = 3 })).StatusCode);
        var privateLetter = await CreateAsync(alex, letters, new { text = Canary("letterPrivate") });
        var letterResponse = await CreateAsync(sam, $"{letters}/{letter}/responses", new { text = Canary("letterResponse"), audience = "partners" });

        // A commitment with its own words for how often, shared, with a log line and its note; one made
        // private, logged, then shared (its note re-sealed with it); Sam noticed a kept day.
        var commitments = $"/api/v1/spaces/{spaceId}/commitments";
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var commitment = await CreateAsync(alex, commitments, new { what = Canary("commitmentWhat"), howOften = "other", howOftenWords = Canary("commitmentHowOften"), audience = "partners" });
        var kept = await CreateAsync(alex, $"{commitments}/{commitment}/log", new { day = today, kept = true, note = Canary("followThroughNote") });
        Assert.Equal(HttpStatusCode.OK, (await sam.PutJsonAsync($"{commitments}/{commitment}/log/{kept}/noticed", new { noticed = true })).StatusCode);
        var sharedLater = await CreateAsync(sam, commitments, new { what = Canary("commitmentMadeShared"), howOften = "daily" });
        await CreateAsync(sam, $"{commitments}/{sharedLater}/log", new { day = today, kept = false, note = Canary("followThroughNoteMadeShared") });
        Assert.Equal(HttpStatusCode.OK, (await sam.PutJsonAsync($"{commitments}/{sharedLater}/audience", new { audience = "partnersAndPractitioner" })).StatusCode);

        // Honest answers: a shared question with an answer that was rewritten, and a private one.
        var questions = $"/api/v1/spaces/{spaceId}/questions";
        var question = await CreateAsync(sam, questions, new { text = Canary("question"), forContainer = true });
        Assert.Equal(HttpStatusCode.OK, (await alex.PutJsonAsync($"{questions}/{question}/answer", new { text = "A first answer, rewritten.", version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alex.PutJsonAsync($"{questions}/{question}/answer", new { text = Canary("answer"), version = 1 })).StatusCode);
        await CreateAsync(sam, questions, new { text = Canary("questionPrivate"), audience = "onlyMe" });


        // Containers and parked items: the plan (local time as typed, in a zone whose UTC offset is
        // not whole hours, so the UTC start kept in the clear differs), the notes and what happens
        // next; something parked and kept private, something parked and put on the agenda.
        var containerAt = app.Time.GetUtcNow().AddDays(207).ToString("yyyy-MM-dd'T'05:13", CultureInfo.InvariantCulture);
        canaries["containerAt"] = containerAt;
        var planned = await alex.PostJsonAsync($"/api/v1/spaces/{spaceId}/containers", new { at = containerAt, minutes = 53, withPractitioner = true, timeZone = "Asia/Kathmandu" });
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        var container = $"/api/v1/spaces/{spaceId}/containers/{(await Responses.JsonAsync(planned)).GetProperty("id").GetGuid()}";
        var parkedPrivate = await alex.PostJsonAsync($"/api/v1/spaces/{spaceId}/parked", new { text = Canary("parkedPrivate") });
        Assert.Equal(HttpStatusCode.Created, parkedPrivate.StatusCode);
        var parkedPlaced = await sam.PostJsonAsync($"/api/v1/spaces/{spaceId}/parked", new { text = Canary("parkedPlaced") });
        Assert.Equal(HttpStatusCode.Created, parkedPlaced.StatusCode);
        var placedId = (await Responses.JsonAsync(parkedPlaced)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await sam.PutJsonAsync($"/api/v1/spaces/{spaceId}/parked/{placedId}/agenda", new { containerId = container[(container.LastIndexOf('/') + 1)..] })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await alex.PutJsonAsync(container + "/started", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await doctor.PutJsonAsync(container + "/closing", new { notes = Canary("containerNotes"), next = Canary("containerNext"), version = 1 })).StatusCode);

        // A byte value the search must find: the hash of an invite's code, stored as is.
        var unusedCode = await alex.InviteAsync(spaceId);
        var codeHash = Invite.Hash(unusedCode);

        // Positive control: each canary is stored, and the API gives it back to someone allowed to read it.
        var readable = new StringBuilder();
        foreach (var (reader, path) in new[]
        {
            (alex, $"/api/v1/spaces/{spaceId}"),
            (alex, $"/api/v1/spaces/{spaceId}/join-requests"),
            (alex, $"{journal}/{privateEntry}"),
            (alex, $"{journal}/{partnersEntry}"),
            (alex, $"{journal}/{practitionerEntry}"),
            (doctor, $"{journal}/{practitionerEntry}"),
            (sam, $"{journal}/{edited}"),
            (sam, $"{journal}/{madeShared}"),
            (doctor, $"{journal}/{widened}"),
            (sam, $"{journal}/{withdrawn}"),
            (alex, breaches),
            (sam, breaches),
            (alex, $"{breaches}/{breach}"),
            (alex, $"{breaches}/{privateBreach}"),
            (alex, $"/api/v1/spaces/{spaceId}/decision"),
            (alex, conversation),
            (sam, conversation),
            (alex, agreement),
            (alex, crossing),
            (sam, $"/api/v1/spaces/{spaceId}/plan"),
            (alex, $"{letters}/{letter}"),
            (alex, $"{letters}/{privateLetter}"),
            (alex, $"{journal}/{letterResponse}"),
            (sam, commitments),
            (doctor, $"{commitments}/{sharedLater}"),
            (sam, questions),
            (alex, container),
            (alex, $"/api/v1/spaces/{spaceId}/parked"),
        })
        {
            using var response = await reader.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            readable.Append(await response.Content.ReadAsStringAsync());
        }

        var unreadable = canaries.Where(c => !readable.ToString().Contains(c.Value, StringComparison.Ordinal)).Select(c => c.Key).ToList();
        Assert.True(unreadable.Count == 0, "Canaries the API does not give back (so the dump test would prove nothing about them): " + string.Join(", ", unreadable));

        // The people of a record come back as names with roles: Alex reads Sam as hurt and themself as having caused harm; Sam reads their own part in the withdrawn one.
        var shared = await alex.GetJsonAsync($"{breaches}/{breach}");
        var roles = shared.GetProperty("breach").GetProperty("people").EnumerateArray().Select(p => (p.GetProperty("membershipId").GetGuid(), p.GetProperty("role").GetString())).ToList();
        Assert.Equal([(alexMember, "causedHarm"), (samMember, "hurt")], roles);
        Assert.Equal("both", (await sam.GetJsonAsync($"{breaches}/{withdrawnBreach}")).GetProperty("breach").GetProperty("myRole").GetString());

        var sources = await RawSourcesAsync();
        var database = app.Provider == "Postgres" ? "PostgreSQL" : "SQLite";
        var stores = sources.Where(s => s.Database).ToList();
        Assert.True(stores.Any(s => s.Bytes.Length > 0), $"No database bytes to search on {database}.");
        Assert.True(stores.Any(s => Found(s.Bytes, alexEmail)), $"The search does not find an e-mail address stored in the clear on {database}: it is not reading the app's database.");
        Assert.True(stores.Any(s => Found(s.Bytes, codeHash)), $"The search does not find a stored byte value (an invite's code hash) on {database}.");

        var found = canaries.Concat(sealedParts)
            .Select(c => (Field: c.Key, Where: sources.Where(s => Found(s.Bytes, c.Value)).Select(s => s.Name).ToList()))
            .Where(c => c.Where.Count > 0)
            .ToList();
        TestReport.Write($"dump test: {found.Count} of {canaries.Count + sealedParts.Count} canaries readable ({database})");
        Assert.True(found.Count == 0, $"Content readable at rest on {database}:\n" + string.Join('\n', found.Select(c => $"{c.Field} in {string.Join(", ", c.Where)}")));

        var logs = string.Join('\n', app.Logs.Lines);
        var logged = canaries.Where(c => logs.Contains(c.Value, StringComparison.Ordinal)).Select(c => c.Key).ToList();
        Assert.True(logged.Count == 0, "Content in the logs: " + string.Join(", ", logged));
    }

    private static readonly string[] BreachKinds = ["broken-word", "other"];
    /// <summary>POSTs what a person writes (201); returns its id.</summary>
    private static async Task<Guid> CreateAsync(AppClient author, string path, object body)
    {
        var response = await author.PostJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await Responses.JsonAsync(response)).GetProperty("id").GetGuid();
    }


    /// <summary>Records a breach; returns its id.</summary>
    private static async Task<Guid> RecordBreachAsync(AppClient author, string breaches, object record)
    {
        var response = await author.PostJsonAsync(breaches, record);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Responses.JsonAsync(response)).GetProperty("id").GetGuid();
    }

    /// <summary>Everything at rest: the data folder (SQLite files, mail, keys), and for PostgreSQL a dump.</summary>
    private async Task<List<(string Name, byte[] Bytes, bool Database)>> RawSourcesAsync()
    {
        var sources = DataFolder("");
        if (app.Provider == "Postgres")
        {
            sources.Add(("pg_dump", await PgDumpAsync(), true));
            return sources;
        }

        // Once as the app left them (recent writes are in the -wal file), once after moving everything into the main file.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        sources.AddRange(DataFolder(" after checkpoint").Where(s => s.Database));
        return sources;
    }

    private List<(string Name, byte[] Bytes, bool Database)> DataFolder(string suffix)
    {
        var files = Directory.GetFiles(app.DataDirectory, "*", SearchOption.AllDirectories);
        if (app.Provider != "Postgres")
        {
            Assert.Contains(Path.Combine(app.DataDirectory, "kintsugi.db"), files);
        }

        return [.. files.Select(f => (Path.GetRelativePath(app.DataDirectory, f) + suffix, ReadShared(f), Path.GetFileName(f).StartsWith("kintsugi.db", StringComparison.Ordinal)))];
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>A plain-format pg_dump of the app's database, run as the postgres user when the tests run as root.</summary>
    private async Task<byte[]> PgDumpAsync()
    {
        var connection = new NpgsqlConnectionStringBuilder(app.Services.GetRequiredService<IConfiguration>().GetConnectionString("Postgres"));
        var pgDump = PostgresServer.Current.Binaries is { } binaries ? Path.Combine(binaries, "pg_dump") : "pg_dump";
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "runuser" : pgDump)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asRoot)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", pgDump })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in new[] { "--no-password", "--host", connection.Host!, "--port", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", connection.Username!, "--dbname", connection.Database! })
        {
            start.ArgumentList.Add(argument);
        }

        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }

        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        var copying = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await copying;
        Assert.True(process.ExitCode == 0, $"pg_dump failed ({process.ExitCode}): {await errors}");
        return output.ToArray();
    }

    /// <summary>Whether a text is in the bytes as UTF-8, UTF-16 or hex (how pg_dump writes bytea).</summary>
    private static bool Found(byte[] haystack, string text) =>
        Found(haystack, Encoding.UTF8.GetBytes(text)) || haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;

    /// <summary>Whether a byte value is in the bytes as is, or as hex text in either case.</summary>
    private static bool Found(byte[] haystack, byte[] value) =>
        haystack.AsSpan().IndexOf(value) >= 0
        || haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(value))) >= 0
        || haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Convert.ToHexString(value))) >= 0;
}

public sealed class SqliteDumpTests(SqliteApp app) : DumpTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDumpTests(PostgresApp app) : DumpTests(app), IClassFixture<PostgresApp>;
