// Placeholder until the pipeline benchmark lands (issue 5).
return 0;
