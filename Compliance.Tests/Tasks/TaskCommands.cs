using Compliance.Tests.Support;
using Compliance.Domain.Incidents;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Tasks;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Tests.Tasks;

/// <summary>The task handlers and reads over one context, wired as the app wires them.</summary>
internal sealed class TaskCommands(ComplianceDbContext db, IClock clock)
{
    public IncidentAccess Workspace { get; } = new(db, clock);
    public IncidentCommands Incidents { get; } = new(db, clock);
    public IncidentTaskQuery Query => new(db, Workspace);
    public TaskOwners Owners => new(db, clock);
    public AddTask Add => new(db, Workspace, Owners, clock);
    public EditTask Edit => new(db, Query, Owners, clock);
    public ChangeTaskState Move => new(db, Query, clock);
    public ChangeTask Change => new(db, Query, Edit, Move, clock);
    public SaveTaskTemplates SaveTemplates => new(db, Owners, clock);
}
