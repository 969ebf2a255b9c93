export * as Y from 'yjs';
