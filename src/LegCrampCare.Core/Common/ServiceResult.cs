namespace LegCrampCare.Core.Common;

/// <summary>A message for one input field: what is wrong and what is allowed.</summary>
public sealed record FieldError(string Field, string Message);

public enum ResultStatus
{
    Ok,
    NotFound,
    Invalid,

    /// <summary>Someone else changed it since the caller read it; nothing was saved.</summary>
    Conflict,
}

/// <summary>
/// The outcome of a service call. Another patient's resource and a missing one both answer <see cref="ResultStatus.NotFound"/>.
/// </summary>
public sealed record ServiceResult<T>
{
    public ResultStatus Status { get; init; }

    public T? Value { get; init; }

    public IReadOnlyList<FieldError> Errors { get; init; } = [];

    public bool IsOk => Status == ResultStatus.Ok;

    public static ServiceResult<T> Ok(T value) => new() { Status = ResultStatus.Ok, Value = value };

    public static ServiceResult<T> NotFound() => new() { Status = ResultStatus.NotFound };

    public static ServiceResult<T> Invalid(IReadOnlyList<FieldError> errors) => new() { Status = ResultStatus.Invalid, Errors = errors };

    public static ServiceResult<T> Invalid(string field, string message) => Invalid([new FieldError(field, message)]);

    public static ServiceResult<T> Conflict(string message) => new() { Status = ResultStatus.Conflict, Errors = [new FieldError("", message)] };

    /// <summary>A conflict that shows what is stored (e.g. the cramp a client id already names).</summary>
    public static ServiceResult<T> Conflict(T stored, string field, string message) =>
        new() { Status = ResultStatus.Conflict, Value = stored, Errors = [new FieldError(field, message)] };

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;
}
