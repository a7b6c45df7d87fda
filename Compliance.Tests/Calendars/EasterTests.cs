using Compliance.Domain.Calendars;
using NodaTime;

namespace Compliance.Tests.Calendars;

public class EasterTests
{
    [Theory]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(1818, "1818-03-22")] // earliest possible date
    [InlineData(2285, "2285-03-22")]
    [InlineData(1943, "1943-04-25")] // latest possible date
    [InlineData(2038, "2038-04-25")]
    public void Western_Easter_falls_on_the_published_Sunday(int year, string expected) =>
        Assert.Equal(IsoDates.Parse(expected), Easter.WesternSunday(year));

    [Fact]
    public void Easter_is_always_a_Sunday_between_22_March_and_25_April()
    {
        for (var year = Easter.FirstGregorianYear; year <= 9999; year++)
        {
            var easter = Easter.WesternSunday(year);
            Assert.Equal(IsoDayOfWeek.Sunday, easter.DayOfWeek);
            Assert.InRange(easter, new LocalDate(year, 3, 22), new LocalDate(year, 4, 25));
        }
    }

    [Fact]
    public void Years_before_the_Gregorian_reform_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Easter.WesternSunday(1582));
}
