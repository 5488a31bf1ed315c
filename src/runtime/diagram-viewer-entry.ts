/**
 * Set on <html> while the diagram viewer's history entry is the current one (diagram-viewer.ts), so
 * reading mode does not scroll to the address's slide when Back leaves that entry. A module of its own:
 * reading-nav reads it without loading the viewer.
 */
export const VIEWER_ENTRY_ATTR = 'data-lectern-viewer-entry';
