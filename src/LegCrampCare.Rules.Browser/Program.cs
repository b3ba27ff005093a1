// Nothing to do at start: the quick log calls RulesExports when it needs an answer.
return 0;
