using System.Data.Common;
using System.Diagnostics;
using Compliance.Domain.People;
using Compliance.Jobs.Mail;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Compliance.Bench;

/// <summary>
/// Where the campaign sender's time goes, measured from outside it (<c>bench notices</c>): its database commands and
/// commits, its decryptions, and its calls to the transport are timed through what the sender is given, so the
/// sender itself runs unchanged. Database work while the transport runs (the hand-off commits, on a connection of
/// their own outside EF) is timed by the sender and reported in its pass.
/// </summary>
internal sealed class SendProbes : DbCommandInterceptor, IDbTransactionInterceptor
{
    private static readonly AsyncLocal<bool> InTransport = new();
    private long transportTicks, databaseTicks, handOffTicks, unprotectTicks, unprotects;

    public TimeSpan Transport => Stopwatch.GetElapsedTime(0, transportTicks);
    public TimeSpan Database => Stopwatch.GetElapsedTime(0, databaseTicks);
    public TimeSpan Unprotect => Stopwatch.GetElapsedTime(0, unprotectTicks);
    public long Unprotects => Interlocked.Read(ref unprotects);

    public IBulkMailTransport Wrap(IBulkMailTransport inner) => new TimedTransport(inner, this);

    public IPeopleDataProtector Wrap(IPeopleDataProtector inner) => new TimedProtector(inner, this);

    private void AddDatabase(TimeSpan duration)
    {
        var ticks = (long)(duration.TotalSeconds * Stopwatch.Frequency);
        Interlocked.Add(ref InTransport.Value ? ref handOffTicks : ref databaseTicks, ticks);
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken ct = default)
    {
        AddDatabase(eventData.Duration); // reading the rows is counted when the reader is disposed
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        AddDatabase(eventData.Duration);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken ct = default)
    {
        AddDatabase(eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken ct = default)
    {
        AddDatabase(eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        AddDatabase(eventData.Duration);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => AddDatabase(eventData.Duration);

    private sealed class TimedTransport(IBulkMailTransport inner, SendProbes probes) : IBulkMailTransport
    {
        public async Task<IReadOnlyList<MailResult>> SendManyAsync(IReadOnlyList<OutgoingMail> mails, IHandOffLog? handOff, CancellationToken ct = default)
        {
            var start = Stopwatch.GetTimestamp();
            InTransport.Value = true;
            try
            {
                return await inner.SendManyAsync(mails, handOff, ct);
            }
            finally
            {
                InTransport.Value = false;
                Interlocked.Add(ref probes.transportTicks, Stopwatch.GetTimestamp() - start);
            }
        }
    }

    private sealed class TimedProtector(IPeopleDataProtector inner, SendProbes probes) : IPeopleDataProtector
    {
        public string Protect(string plaintext) => inner.Protect(plaintext);

        public string EmailLookup(string email) => inner.EmailLookup(email);

        public string Unprotect(string protectedText)
        {
            var start = Stopwatch.GetTimestamp();
            var plain = inner.Unprotect(protectedText);
            Interlocked.Add(ref probes.unprotectTicks, Stopwatch.GetTimestamp() - start);
            Interlocked.Increment(ref probes.unprotects);
            return plain;
        }
    }
}
