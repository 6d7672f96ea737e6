// Placeholder until the host lands (issue 5): see docs/components/functions.md.
return 0;
