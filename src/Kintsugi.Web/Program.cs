using Kintsugi.Web.Components;
using Kintsugi.Web.Features.Account;
using Kintsugi.Web.Features.Agreements;
using Kintsugi.Web.Features.Apology;
using Kintsugi.Web.Features.Atone;
using Kintsugi.Web.Features.Health;
using Kintsugi.Web.Features.Journal;
using Kintsugi.Web.Features.Repair;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Email;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Reminders;
using Kintsugi.Web.Infrastructure.Security;
using Kintsugi.Web.Infrastructure.Storage;

var builder = WebApplication.CreateBuilder(args);
var data = DataDirectory.FromConfiguration(builder.Configuration, builder.Environment);

builder.AddKintsugiCore(data);
builder.AddDatabase(data);
builder.AddEmail(data);
builder.AddAccounts();
builder.Services.AddSpaces(builder.Configuration);
builder.Services.AddReminders(builder.Configuration);
builder.Services.AddApi();
builder.Services.AddHealth();
builder.Services.AddApologyFeedback(builder.Configuration);
builder.Services.AddRazorComponents();

var app = builder.Build();
await app.PrepareDatabaseAsync();

app.UseKintsugiPipeline();
app.MapPublicFiles();
app.MapRazorComponents<App>().AllowFrameworkEndpoints();
app.MapHealth();
app.MapQuickExit();
app.MapAccountEndpoints();
app.MapParkItForm();
var api = app.MapApi();
api.MapAccountApi();
api.MapSpacesApi().MapJournalApi().MapRepairApi().MapAtoneApi().MapContainersApi().MapAgreementsApi();
api.MapApologyFeedbackApi();
api.MapRemindersApi();
app.MapOpenApi().AllowAnonymous();
app.MapNotFound();

await app.RunAsync();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
