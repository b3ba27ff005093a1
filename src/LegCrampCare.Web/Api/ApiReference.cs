namespace LegCrampCare.Web.Api;

/// <summary>
/// The API reference page (issue 13): Swagger UI over <c>/openapi/v1.json</c>, in Development only. Elsewhere its path
/// answers 404 like any unknown API address; the OpenAPI document itself is served in every environment.
/// </summary>
/// <remarks>
/// Swagger UI's files are embedded in the Swashbuckle.AspNetCore.SwaggerUI package and served from here, so the page
/// makes no request to another host. Its page has no inline script (its settings are served as the file
/// <c>index.js</c>), so it runs under the app's Content-Security-Policy unchanged: <c>script-src 'self'</c> plus a nonce
/// it doesn't need. Never set request or response interceptors, plugins or <c>HeadContent</c> scripts here: Swagger UI
/// turns the first two into code with <c>Function</c>/<c>eval</c>, which the policy refuses, and the last would be an
/// inline script without the nonce. Scalar.AspNetCore 3.0.0 was not taken: it too is served locally and puts the nonce
/// on its inline start-up script, but its bundle probes <c>Function('')</c> on load (Zod's JIT check), a policy violation
/// on every visit even though it copes, and it loads its fonts from its own CDN unless told not to.
/// </remarks>
public static class ApiReference
{
    /// <summary>Where the page is, under /api: it gets the API's no-store and problem+json 404s like the rest of /api.</summary>
    public const string Path = "/api/reference";

    /// <summary>The OpenAPI document it shows (mapped in Program.cs with <c>MapOpenApi</c>).</summary>
    public const string DocumentPath = "/openapi/v1.json";

    public static WebApplication MapApiReference(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return app;
        }

        // GET /api/reference redirects to /api/reference/index.html; the rest are the embedded files. Other methods and
        // unknown files fall through to the API's 404 problem.
        app.MapSwaggerUI(Path.TrimStart('/'), options =>
        {
            options.DocumentTitle = "LegCrampCare API reference";
            options.SwaggerEndpoint(DocumentPath, "LegCrampCare API v1");

            // The operation names (e.g. CreateEpisode) are what generated clients call their methods.
            options.DisplayOperationId();

            // No validator badge: its default would send the document to a third-party validator. index.js also turns
            // it off when unset; said here so that nobody turns it on by accident.
            options.ConfigObject.ValidatorUrl = null;
        });
        return app;
    }
}
