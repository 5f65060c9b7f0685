// `help WORD` for every statement: what it does, in a line or two, and an example to copy.

extension Help {
    static let statements: [(name: String, text: String)] = [
        (
            "metric",
            """
            metric NAME = EXPR [unit UNIT] [description "..."] [area AREA]
              metric aov = revenue / purchases unit currency description "Average order value"
            Units: count, currency, percent, ratio, score, hours, days. A metric of a library name
            replaces the library's. More: help metrics.
            """
        ),
        (
            "dimension",
            """
            dimension NAME = EXPR [description "..."]: a breakdown computed from each row.
              dimension cohort = month(customers.signup_date) description "Signup month"
              cohort_retention by cohort, month pivot
            show dimensions lists every breakdown and the metrics it works for.
            """
        ),
        (
            "load",
            """
            load "FILE" [as NAME] [delimiter ";"] [with COLUMN = "Header" [as TYPE] [format "..."], ...] [skipping bad rows]
              load "export.csv" as customers with signup_date = "Create Date" format "%m/%d/%Y"
            .csv, .tsv and gzip-compressed files load as they are. More: help data.
            """
        ),
        (
            "relate",
            """
            relate DATASET.COLUMN to DATASET.COLUMN: each row of the first refers to one row of the second.
              relate orders.customer_id to customers.id
            Dimensions and filters then reach through it: revenue by plan reads the customer's plan.
            """
        ),
        (
            "anchor",
            """
            anchor DATASET on COLUMN: the date or timestamp that places the dataset's rows in time.
              anchor deals on closed_date
            An aggregate may pick another one: count(deals on closed_date where stage = "won").
            """
        ),
        (
            "lifespan",
            """
            lifespan DATASET from START to END: each row is active from its start until its end (none: still active).
              lifespan customers from signup_date to churn_date
              count(customers active at start), count(customers active at end), count(customers started before end)
            """
        ),
        (
            "show",
            """
            show datasets                 what is loaded: rows, columns, file
            show metrics                  every metric by area, with its unit and description
            show metrics retention        those of an area, or whose name or description mentions the word
            show dimensions               grains, named dimensions and columns, and whose metrics they break down
            """
        ),
        (
            "describe",
            """
            describe DATASET: its columns, their types and nulls, its time anchor and relations.
              describe orders
            Given a metric (describe revenue) it shows the metric's definition, as explain does.
            """
        ),
        (
            "explain",
            """
            explain METRIC: the definition in words and symbols, what it reads, what it builds on,
            and what it can be broken down by. With a period (and a filter), the numbers worked out:
              explain churn
              explain churn for 2024-03 where plan = "pro"
            explain plan QUERY: the plan a query runs as on every engine: each period's days, the days
            each comparison reads, the aggregates and where their rows count:
              explain plan revenue vs last year by month since 2025-03-01 until 2025-03-15
            """
        ),
        (
            "plot",
            """
            plot QUERY: the result drawn in the terminal: lines over time, bars by category.
              plot revenue by month, plan
              plot nps by region
            """
        ),
        (
            "assert",
            """
            assert QUERY = NUMBER [within TOLERANCE]: a check of the query's one value; it prints nothing
            when it holds and fails like an error (stopping a script) when it does not.
              assert churn for 2024-03 = 0.05 within 0.001
            """
        ),
        (
            "sql",
            """
            sql QUERY: the SQL the query runs as on PostgreSQL, values written in for reading.
              sql revenue by month where plan = "pro"
            Tally takes no SQL itself: a SELECT typed at the prompt is answered with the Tally form.
            """
        ),
        (
            "connect",
            """
            connect "URL": queries run on this PostgreSQL database from now on (a libpq URL or key=value
            pairs; the password may come from PGPASSWORD or ~/.pgpass and is never printed).
              connect "postgresql://localhost/crm"
            """
        ),
        (
            "use",
            """
            use table [SCHEMA.]TABLE as DATASET: the database table that holds a dataset.
              use table crm.customers as customers
            """
        ),
        (
            "format",
            """
            format table|csv|json|markdown: how results are printed from now on; alone, says which.
            Works in scripts and init.tally too. csv and json print plain values at full precision.
            """
        ),
        (
            "timer",
            """
            timer on|off: show how long each statement took under its table; alone, says which.
            """
        ),
        (
            "help",
            """
            help: a tour. help TOPIC: a page (\(Help.topics.map(\.name).joined(separator: ", ")))
            or the statement of that name (help sql, help describe, help explain).
            """
        ),
        (
            "last",
            """
            last: the last result again, all of it (at the prompt a long result shows its first 40 rows).
            """
        ),
        (
            "save",
            """
            save last to "FILE" [as FORMAT] [replace]: the last result written to a file, in the format its
            name says (.csv, .json, .md, .html, .txt) or the one after as. An existing file is written over
            only with replace.
              save last to "q1.csv"
              save last to "chart.html" replace
            """
        ),
        (
            "output",
            """
            output "FILE" [as FORMAT] [replace]: results go to the file from now on, rewritten whole after
            each (an .html file is one page of them all); output alone brings them back to the screen.
              output "march.html"
            """
        ),
        (
            "pager",
            """
            pager on|off: at the prompt a result taller than the screen is shown whole through $PAGER (else
            less -SFRX; an empty PAGER means none). Piped output never is. Alone, says which.
            """
        ),
        (
            "expanded",
            """
            expanded on|off|auto: each row as lines of column │ value, for wide results; auto does so for a
            result wider than the screen or a single row of four or more columns. Alone, says which.
            """
        ),
        (
            "run",
            """
            run "FILE": the statements of a script, run here; what it defines and sets stays. An error stops
            the script (and a script that ran it), not the prompt.
              run "report.tally"
            """
        ),
        (
            "edit",
            """
            edit: the last statement opened in $EDITOR (else $VISUAL, else vi); what is saved is shown and run.
            """
        ),
        (
            "watch",
            """
            watch SECONDS QUERY: the query run again every so many seconds, each time under a line with the
            time, until Ctrl-C.
              watch 10 revenue by day last 7 days
            """
        ),
        (
            "set",
            """
            set NAME = VALUE: the value $NAME stands for in the statements after it (tally --set NAME=VALUE
            does the same). A value is typed where it is used (text, number, date, period) and never becomes
            text of a statement. set alone lists the values.
              set plan = "pro"
              revenue by month where plan = $plan for $year
            """
        ),
        (
            "quit",
            """
            quit (or exit): leave. At the prompt Ctrl-D on an empty line does too; in a script or
            piped input nothing after it runs.
            """
        ),
    ]
}
