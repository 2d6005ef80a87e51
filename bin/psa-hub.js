#!/usr/bin/env node
// The published entry: Node 24 strips the types of the TypeScript sources as it loads them.
import '../src/cli.ts';
