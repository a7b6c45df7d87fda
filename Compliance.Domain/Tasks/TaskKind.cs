namespace Compliance.Domain.Tasks;

/// <summary>Whom a task is about: the stakeholders of a breach week that no law names.</summary>
public enum TaskKind { LawEnforcement, Staff, Board, Donors, PartnersFunders, Insurer, PlatformProviders, Cert, Other }

/// <summary>Where a task stands. "Not needed" is a decision with a reason, never a deleted row.</summary>
public enum TaskState { Open, InProgress, Done, NotNeeded }

public static class TaskWords
{
    public static string Of(TaskKind kind) => kind switch
    {
        TaskKind.LawEnforcement => "Law enforcement",
        TaskKind.Staff => "Staff",
        TaskKind.Board => "Board",
        TaskKind.Donors => "Donors",
        TaskKind.PartnersFunders => "Partners and funders",
        TaskKind.Insurer => "Insurer",
        TaskKind.PlatformProviders => "Platform providers",
        TaskKind.Cert => "CERT",
        _ => "Other",
    };

    public static string Of(TaskState state) => state switch
    {
        TaskState.Open => "Open",
        TaskState.InProgress => "In progress",
        TaskState.Done => "Done",
        _ => "Not needed",
    };
}
