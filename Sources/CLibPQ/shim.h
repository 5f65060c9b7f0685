// libpq, PostgreSQL's client library (Debian: libpq-dev to build, libpq5 to run), opened when Tally
// first connects rather than when it starts: libpq brings TLS and Kerberos libraries (about 5 MB
// resident) that a session over files never uses, and Tally runs where libpq is not installed.
#ifndef TALLY_CLIBPQ_SHIM_H
#define TALLY_CLIBPQ_SHIM_H

#include <dlfcn.h>
#include <stddef.h>
#include <postgresql/libpq-fe.h>

static inline void *tally_pq_library(void) {
    static void *library = NULL;
    if (library == NULL) library = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
    return library;
}

/// Opens libpq and finds every function below; NULL when that worked, else why not. Call before any.
static inline const char *tally_pq_open(void) {
    if (tally_pq_library() == NULL) {
        const char *why = dlerror();
        return why != NULL ? why : "libpq.so.5 cannot be opened";
    }
    return NULL;
}

static inline void *tally_pq_symbol(const char *name) { return dlsym(tally_pq_library(), name); }

// Each function is looked up on its first call (once libpq is open, every one of them exists).
#define TALLY_PQ(result, name, parameters, arguments)                                   \
    static inline result tally_##name parameters {                                      \
        static result(*function) parameters = NULL;                                     \
        if (function == NULL) function = (result(*) parameters)tally_pq_symbol(#name); \
        return function arguments;                                                      \
    }
#define TALLY_PQ_VOID(name, parameters, arguments)                                    \
    static inline void tally_##name parameters {                                      \
        static void(*function) parameters = NULL;                                     \
        if (function == NULL) function = (void(*) parameters)tally_pq_symbol(#name); \
        function arguments;                                                           \
    }

TALLY_PQ(PGconn *, PQconnectdb, (const char *conninfo), (conninfo))
TALLY_PQ(ConnStatusType, PQstatus, (const PGconn *conn), (conn))
TALLY_PQ(char *, PQerrorMessage, (const PGconn *conn), (conn))
TALLY_PQ_VOID(PQfinish, (PGconn *conn), (conn))
TALLY_PQ_VOID(PQreset, (PGconn *conn), (conn))
TALLY_PQ(char *, PQuser, (const PGconn *conn), (conn))
TALLY_PQ(char *, PQhost, (const PGconn *conn), (conn))
TALLY_PQ(char *, PQport, (const PGconn *conn), (conn))
TALLY_PQ(char *, PQdb, (const PGconn *conn), (conn))
TALLY_PQ(int, PQsocket, (const PGconn *conn), (conn))
TALLY_PQ(PQnoticeProcessor, PQsetNoticeProcessor, (PGconn *conn, PQnoticeProcessor proc, void *arg), (conn, proc, arg))
TALLY_PQ(PGresult *, PQexec, (PGconn *conn, const char *query), (conn, query))
TALLY_PQ(int, PQsendQueryParams,
    (PGconn *conn, const char *command, int nParams, const Oid *paramTypes, const char *const *paramValues,
        const int *paramLengths, const int *paramFormats, int resultFormat),
    (conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats, resultFormat))
TALLY_PQ(int, PQconsumeInput, (PGconn *conn), (conn))
TALLY_PQ(int, PQisBusy, (PGconn *conn), (conn))
TALLY_PQ(PGresult *, PQgetResult, (PGconn *conn), (conn))
TALLY_PQ(PGcancel *, PQgetCancel, (PGconn *conn), (conn))
TALLY_PQ(int, PQcancel, (PGcancel *cancel, char *errbuf, int errbufsize), (cancel, errbuf, errbufsize))
TALLY_PQ_VOID(PQfreeCancel, (PGcancel *cancel), (cancel))
TALLY_PQ(int, PQputCopyData, (PGconn *conn, const char *buffer, int nbytes), (conn, buffer, nbytes))
TALLY_PQ(int, PQputCopyEnd, (PGconn *conn, const char *errormsg), (conn, errormsg))
TALLY_PQ(ExecStatusType, PQresultStatus, (const PGresult *res), (res))
TALLY_PQ(char *, PQresultErrorMessage, (const PGresult *res), (res))
TALLY_PQ(char *, PQresultErrorField, (const PGresult *res, int fieldcode), (res, fieldcode))
TALLY_PQ_VOID(PQclear, (PGresult *res), (res))
TALLY_PQ(int, PQntuples, (const PGresult *res), (res))
TALLY_PQ(int, PQnfields, (const PGresult *res), (res))
TALLY_PQ(char *, PQfname, (const PGresult *res, int field_num), (res, field_num))
TALLY_PQ(Oid, PQftype, (const PGresult *res, int field_num), (res, field_num))
TALLY_PQ(char *, PQgetvalue, (const PGresult *res, int tup_num, int field_num), (res, tup_num, field_num))
TALLY_PQ(int, PQgetisnull, (const PGresult *res, int tup_num, int field_num), (res, tup_num, field_num))

#endif
