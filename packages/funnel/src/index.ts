// The public API of this package is added by its issue.
export {};
