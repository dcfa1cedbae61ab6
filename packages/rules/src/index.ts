// @atlas/rules — rule profiles as data: each rule carries its legal source.
// schema:   the RuleProfile zod schema (rules for stores, hazards, water, pipelines; zones; campaigns)
export * from './schema.ts';
// validate: every problem of a user-written profile, with field paths; never throws
export * from './validate.ts';
// resolve:  stack national → province → city → district into the rules an audit applies
export * from './resolve.ts';
// load:     read the profiles of a folder such as data/rules
export * from './load.ts';
// library:  shipped (read-only) and user profiles; resolve by id or an inline what-if profile
export * from './library.ts';
