package dev.ember.sql;

/**
 * One parsed and validated SQL statement: a query, or one of Ember's commands. The records are
 * plain data; executing them is the engine's business.
 */
public sealed interface Statement
    permits Query, Explain, CreateTable, CreateTempViewUsing, CreateView, DropTable, ShowTables,
        Describe, SetConf, AnalyzeTable {}
