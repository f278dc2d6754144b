#!/usr/bin/env node
// Entry for `npx fullfolj …`: registers tsx's loader in THIS process and runs the TypeScript CLI,
// so that signals (SIGTERM from a process manager, Ctrl+C) reach the command's own handlers —
// `fullfolj start` closes the server and the database on them. No child process in between.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
