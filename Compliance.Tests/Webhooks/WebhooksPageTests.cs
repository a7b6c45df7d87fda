using System.Net;
using Compliance.Tests.Pages.Support;
using Compliance.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Tests.Webhooks;

// An admin manages webhook endpoints in the browser: add (the secret shown once), disable, rotate, remove, all audited.
public sealed class WebhooksPageTests(PagesApp app) : IClassFixture<PagesApp>
{
    private const string Page = "/Admin/Webhooks";
    private const string Receiver = "https://siem.example.org/hooks/compliance";

    [Fact]
    public async Task An_admin_adds_an_endpoint_sees_the_secret_once_then_disables_rotates_and_removes_it_with_everything_audited()
    {
        var admin = await app.SignedInAsync(PagesApp.Admin);
        var added = await admin.PostAsync(Page, $"{Page}?handler=Add", ("Address", Receiver), ("Description", "Our SIEM"),
            ("Events", "incident.created"), ("Events", "duty.overdue"));
        var html = await added.Content.ReadAsStringAsync();
        var secret = Html.Text(Html.Element(html, "webhook-secret")).Split(' ').Single(w => w.StartsWith("whsec_", StringComparison.Ordinal));
        Assert.Contains("not shown again", Html.Text(Html.Element(html, "webhooks-message")));

        var id = await app.ReadAsync(db => db.WebhookEndpoints.Where(e => e.Url == Receiver).Select(e => e.Id).SingleAsync());
        var again = await admin.HtmlAsync(Page);
        Assert.Contains(Receiver, again);
        Assert.DoesNotContain(secret, again);

        await admin.PostAsync(Page, $"{Page}?handler=Disable", ("Id", id.ToString()));
        Assert.False(await app.ReadAsync(db => db.WebhookEndpoints.Where(e => e.Id == id).Select(e => e.Enabled).SingleAsync()));

        var rotated = await admin.PostAsync(Page, $"{Page}?handler=Rotate", ("Id", id.ToString()));
        var newSecret = Html.Text(Html.Element(await rotated.Content.ReadAsStringAsync(), "webhook-secret")).Split(' ').Single(w => w.StartsWith("whsec_", StringComparison.Ordinal));
        Assert.NotEqual(secret, newSecret);

        await admin.PostAsync(Page, $"{Page}?handler=Remove", ("Id", id.ToString()));
        Assert.False(await app.ReadAsync(db => db.WebhookEndpoints.AnyAsync(e => e.Id == id)));
        var actions = await app.ReadAsync(db => db.AuditEntries.Where(e => e.Data.Contains(Receiver)).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Equal(["webhook.added", "webhook.changed", "webhook.secret-rotated", "webhook.removed"], actions);
    }

    [Fact]
    public async Task An_address_inside_the_network_is_refused_in_words_and_nothing_is_added()
    {
        var admin = await app.SignedInAsync(PagesApp.Admin);
        var refused = await admin.PostAsync(Page, $"{Page}?handler=Add", ("Address", "https://10.20.30.40/hooks"), ("Events", "incident.created"));
        Assert.Contains("public address", Html.Text(Html.Element(await refused.Content.ReadAsStringAsync(), "webhooks-problem")));
        Assert.False(await app.ReadAsync(db => db.WebhookEndpoints.AnyAsync(e => e.Url.Contains("10.20.30.40"))));
    }

    [Fact]
    public async Task An_endpoints_deliveries_show_their_attempts_and_one_is_sent_again_on_request()
    {
        var admin = await app.SignedInAsync(PagesApp.Admin);
        await admin.PostAsync(Page, $"{Page}?handler=Add", ("Address", "https://tickets.example.org/in"), ("Events", "incident.created"));
        var endpoint = await app.ReadAsync(db => db.WebhookEndpoints.SingleAsync(e => e.Url == "https://tickets.example.org/in"));
        var delivery = new WebhookDelivery(endpoint.OrganisationId, endpoint.Id, WebhookEventId.New(), WebhookEvents.IncidentCreated, """{"type":"incident.created"}""", app.Clock.Now);
        await app.ReadAsync(async db =>
        {
            db.WebhookDeliveries.Add(delivery);
            delivery.GetType().GetProperty(nameof(WebhookDelivery.Attempts))!.SetValue(delivery, 1);
            db.WebhookAttempts.Add(new WebhookAttempt(delivery, 1, app.Clock.Now, 503, "try later", Duration.FromMilliseconds(42), null));
            delivery.Failed(app.Clock.Now);
            return await db.SaveChangesAsync();
        });

        var shown = Html.Text(Html.Element(await admin.HtmlAsync($"{Page}?endpoint={endpoint.Id}"), $"delivery-{delivery.Id}"));
        Assert.Contains("503 in 42 ms", shown);
        Assert.Contains("try later", shown);
        Assert.Contains("next attempt", shown);

        var replayed = await admin.PostAsync($"{Page}?endpoint={endpoint.Id}", $"{Page}?handler=Replay", ("DeliveryId", delivery.Id.ToString()), ("Endpoint", endpoint.Id.ToString()));
        Assert.Contains("Sent again", Html.Text(Html.Element(await replayed.Content.ReadAsStringAsync(), "webhooks-message")));
        Assert.Equal(app.Clock.Now, await app.ReadAsync(db => db.WebhookDeliveries.Where(d => d.Id == delivery.Id).Select(d => d.NextAttemptAt).SingleAsync()));
        Assert.True(await app.ReadAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "webhook.replayed" && e.Data.Contains(delivery.Id.ToString()))));
    }

    [Fact]
    public async Task Only_admins_reach_the_page_and_a_form_without_its_antiforgery_token_is_refused()
    {
        var lead = await app.SignedInAsync(PagesApp.Lead);
        Assert.NotEqual(HttpStatusCode.OK, (await lead.GetAsync(Page)).StatusCode);
        var admin = await app.SignedInAsync(PagesApp.Admin);
        Assert.Contains("webhooks-link", await admin.HtmlAsync("/Admin/Organisation"));
        var forged = await admin.RawPostAsync($"{Page}?handler=Add",
            new FormUrlEncodedContent([new("Address", "https://evil.example.org/x"), new("Events", "incident.created")]), header: null);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(await app.ReadAsync(db => db.WebhookEndpoints.AnyAsync(e => e.Url.Contains("evil.example.org"))));
    }
}
