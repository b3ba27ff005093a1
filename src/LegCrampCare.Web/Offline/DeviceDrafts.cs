using System.Text.Json;
using LegCrampCare.Core.Abstractions;
using Microsoft.JSInterop;

namespace LegCrampCare.Web.Offline;

/// <summary>
/// Drafts of the live pages' forms, kept on the device (ADR 0021, "Drafts survive a locked screen"): every change she
/// makes is written to the browser's storage under her account's opaque key, and a page opened again — after a lost
/// connection, a reload or a long screen lock that cost the server its copy — gets it back. The draft is deleted when the
/// form is saved, and every draft on the device when someone signs out.
/// </summary>
public sealed class DeviceDrafts(IJSRuntime js, ICurrentUser currentUser)
{
    /// <summary>The draft of one form (<paramref name="form"/>, e.g. "questions") about one thing (<paramref name="id"/>).</summary>
    public async Task<DeviceDraft<T>> ForAsync<T>(string form, Guid id)
        where T : class
    {
        var user = await currentUser.GetAsync();
        return new DeviceDraft<T>(js, $"lcc-draft:{Api.OfflineKitView.AccountKeyOf(user.UserId ?? "")}:{form}:{id:N}");
    }
}

/// <summary>One form's draft on the device. A failed write or read (storage full, circuit gone) never stops the form.</summary>
public sealed class DeviceDraft<T>(IJSRuntime js, string key)
    where T : class
{
    /// <summary>How a draft is written: web names, answers as words ("oneLeg"), so a draft outlives a renumbered enum.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private string? _kept;
    private string? _base;

    /// <summary>
    /// The values she had typed and not saved, when the device has them, they differ from <paramref name="current"/> (what
    /// the server has) and the server still has what it had when she began them; otherwise null. A draft begun on values
    /// the server has since changed (saved from another page or device) is dropped: it would undo the newer save. No
    /// clock is compared (a phone's may be wrong).
    /// </summary>
    public async Task<T?> RestoreAsync(T current)
    {
        _base = JsonSerializer.Serialize(current, Json);
        _kept = _base;
        try
        {
            var stored = await js.InvokeAsync<StoredDraft?>("lcc.drafts.load", key);
            if (stored is null || string.IsNullOrEmpty(stored.Value) || stored.Value == _base)
            {
                return null;
            }

            if (stored.Base is not null && stored.Base != _base)
            {
                await ClearAsync();
                return null;
            }

            var value = JsonSerializer.Deserialize<T>(stored.Value, Json);
            _kept = stored.Value;
            return value;
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or JsonException or TaskCanceledException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Writes the values to the device when they changed since the last write.</summary>
    public async Task KeepAsync(T current)
    {
        var json = JsonSerializer.Serialize(current, Json);
        if (json == _kept)
        {
            return;
        }

        _kept = json;
        try
        {
            await js.InvokeVoidAsync("lcc.drafts.save", key, json, _base);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException or InvalidOperationException)
        {
            _kept = null; // try again at the next change
        }
    }

    /// <summary>The server has <paramref name="saved"/>: the draft is deleted, and later changes are drafts on top of it.</summary>
    public async Task SavedAsync(T saved)
    {
        _base = JsonSerializer.Serialize(saved, Json);
        _kept = _base;
        await ClearAsync();
    }

    /// <summary>Deletes the draft: the server has the form.</summary>
    public async Task ClearAsync()
    {
        try
        {
            await js.InvokeVoidAsync("lcc.drafts.clear", key);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException or InvalidOperationException)
        {
            // Left behind: the next visit offers it again, and she can save or change it.
        }
    }

    /// <summary>
    /// What the device keeps: the values as JSON, what the server had when she began (JSON), and when they were written
    /// (ms since 1970, the device's clock; drafts older than 7 days are dropped by the device).
    /// </summary>
    public sealed record StoredDraft(string Value, long At, string? Base = null);
}
