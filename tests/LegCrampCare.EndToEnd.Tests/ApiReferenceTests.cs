using System.Collections.Concurrent;
using System.Text.Json;
using LegCrampCare.Web.Api;
using Microsoft.Playwright;

namespace LegCrampCare.EndToEnd.Tests;

/// <summary>
/// The API reference page in Development (Swagger UI, issue 13), in Chromium under the app's own Content-Security-Policy:
/// it lists the operations of /openapi/v1.json, with no policy violation and no request to another host.
/// </summary>
public sealed class ApiReferenceTests(ApiReferenceTests.Host host) : IClassFixture<ApiReferenceTests.Host>
{
    public sealed class Host : BrowserHost
    {
        protected override string AppEnvironment => "Development";

        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Demo:Disabled"] = "true" };
    }

    [BrowserFact]
    public async Task Development_ListsTheOperations_WithNoPolicyViolation_AndNoRequestToAnotherHost()
    {
        var context = await host.NewContextAsync();
        var elsewhere = new ConcurrentBag<string>();
        context.Request += (_, request) =>
        {
            var uri = new Uri(request.Url);
            if (uri.Scheme is not ("data" or "blob") && uri.Authority != host.BaseAddress.Authority)
            {
                elsewhere.Add(request.Url);
            }
        };

        // Every violation, also one a script catches (an eval probe logs nothing to the console but still fires this).
        await context.AddInitScriptAsync("""
            window.__policyViolations = [];
            document.addEventListener('securitypolicyviolation', e =>
                window.__policyViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
            """);
        var page = await host.NewPageAsync(context);

        await page.GotoAsync(ApiReference.Path);

        var create = page.Locator("#operations-Episodes-CreateEpisode");
        await Assertions.Expect(create.Locator(".opblock-summary-path")).ToHaveTextAsync("/api/v1/episodes");
        await Assertions.Expect(create.Locator(".opblock-summary-operation-id")).ToHaveTextAsync("CreateEpisode");
        await Assertions.Expect(page.Locator(".opblock")).ToHaveCountAsync(await OperationCountAsync(page));

        // Opening an operation renders its body schema and responses (more of the bundle's code runs).
        await create.Locator(".opblock-summary").ClickAsync();
        await Assertions.Expect(create.Locator(".opblock-body .responses-wrapper")).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var violations = await page.EvaluateAsync<string[]>("window.__policyViolations");
        Assert.True(violations.Length == 0, "Content-Security-Policy violations:\n" + string.Join("\n", violations));
        Assert.True(elsewhere.IsEmpty, "Requests to other hosts:\n" + string.Join("\n", elsewhere));
        var errors = host.ConsoleErrors.Where(e => e.Contains(ApiReference.Path, StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, "Browser errors:\n" + string.Join("\n", errors));
    }

    /// <summary>The number of operations in the OpenAPI document the page shows.</summary>
    private static async Task<int> OperationCountAsync(IPage page)
    {
        await using var response = await page.APIRequest.GetAsync(ApiReference.DocumentPath);
        using var document = JsonDocument.Parse(await response.TextAsync());
        string[] methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
        return document.RootElement.GetProperty("paths").EnumerateObject()
            .Sum(path => path.Value.EnumerateObject().Count(operation => methods.Contains(operation.Name)));
    }
}
