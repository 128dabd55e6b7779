"""HTTP plumbing shared by the routers: dependencies and the domain-error mapping."""
