// Importing this module defines <allmende-doc>, <allmende-sheet> and <allmende-calendar>.
export * from '@allmende/core';
export * from '@allmende/doc';
export * from '@allmende/sheet';
export * from '@allmende/calendar';
