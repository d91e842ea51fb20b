#!/usr/bin/env node
// Entry point of the `giatja` command: TypeScript sources are loaded through tsx so that
// the product runs from a fresh clone without a separate server build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
