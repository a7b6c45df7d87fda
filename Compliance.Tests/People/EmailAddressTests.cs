using Compliance.Domain.Vocabulary;

namespace Compliance.Tests.People;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("tai.man.chan@example.hk")]
    [InlineData("a+tag@sub.example.org")]
    [InlineData("josé@exemple.fr")]
    [InlineData("info@例え.jp")]
    public void Addresses_people_write_are_accepted(string email) => Assert.True(EmailAddress.IsValid(email));

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("two@@example.org")]
    [InlineData("a@localhost")]
    [InlineData("a b@example.org")]
    [InlineData(".a@example.org")]
    [InlineData("a..b@example.org")]
    [InlineData("a@-example.org")]
    [InlineData("a@example..org")]
    [InlineData("")]
    public void Anything_else_is_refused(string email) => Assert.False(EmailAddress.IsValid(email));
}
