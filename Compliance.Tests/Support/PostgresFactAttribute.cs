namespace Compliance.Tests.Support;

/// <summary>A test that needs a PostgreSQL server: skipped, saying why, when <c>COMPLIANCE_TEST_POSTGRES</c> is not set.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(TestDatabases.PostgresVariable)))
            Skip = $"{TestDatabases.PostgresVariable} is not set: this test needs PostgreSQL (./test.sh starts one).";
    }
}
