-- Several GateDesk nodes on one database (docs/deployment.md).
--
-- ShedLock's table (shedlock-provider-jdbc-template 7.2): one row per scheduled job. The node that runs a job holds
-- its row until lock_until; a node that dies mid-run holds it only until then (its lease), after which any node runs
-- the job again. Times are the database's own (usingDbTime), so the nodes' clocks need not agree.
CREATE TABLE shedlock (
    name VARCHAR(64) NOT NULL,
    lock_until TIMESTAMP NOT NULL,
    locked_at TIMESTAMP NOT NULL,
    locked_by VARCHAR(255) NOT NULL,
    CONSTRAINT shedlock_pk PRIMARY KEY (name)
);

-- Critical sections that must wait rather than skip (two tickets classified on two nodes at once must not both open
-- an incident for one pattern): SELECT ... FOR UPDATE on the section's row inside the caller's transaction. The row
-- lock ends with the transaction, also when the node holding it dies (its connection goes, the transaction rolls
-- back), so there is no lease to wait out.
CREATE TABLE cluster_mutex (
    name VARCHAR(64) NOT NULL,
    CONSTRAINT cluster_mutex_pk PRIMARY KEY (name)
);
INSERT INTO cluster_mutex (name) VALUES ('incident-detection');
