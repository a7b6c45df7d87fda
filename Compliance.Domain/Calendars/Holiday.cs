using NodaTime;

namespace Compliance.Domain.Calendars;

public sealed record Holiday(LocalDate Date, string Name);
