
using Compliance.Tests.Pages;

namespace Compliance.Tests.Shared;

// Messages next to a form's fields use the words on the form, never the API's ids.
public sealed class FieldMessagesTests
{
    [Theory]
    [InlineData("Encryption", "is required: one of encrypted-key-compromised, encrypted, none.", "Encryption is required: choose one of the options.")]
    [InlineData("Cause", "'shoe' is not one of external-attack, phishing, lost-device.", "Cause 'shoe' is not one of the choices offered.")]
    [InlineData("Determined", "must not be before awareAt.", "Determined must not be before the time you became aware.")]
    public void Ids_and_json_names_become_words(string label, string message, string expected) =>
        Assert.Equal(expected, FieldMessages.ForPerson(label, message));
}
