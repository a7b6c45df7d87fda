// The application's command-line plumbing and the features the benches drive.
global using Compliance.Domain.Persistence;
global using Compliance.Web.Commands;
