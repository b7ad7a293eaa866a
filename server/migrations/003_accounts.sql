-- A disabled account keeps its data but cannot sign in, and its tokens stop working.
alter table users add column disabled_at timestamptz;

-- An opaque handle for a session, so an admin can list and revoke sessions without seeing token hashes.
alter table sessions add column id uuid not null default gen_random_uuid();
create unique index sessions_id_idx on sessions (id);

-- Failed sign-ins (and attempts in progress) per throttle key: the sha256 of an account or an address key, so a
-- password typed into the name field is not kept. Rows older than the throttle window are deleted.
create table login_attempts (
  id bigserial primary key,
  key_hash text not null,
  at timestamptz not null
);
create index login_attempts_key_at_idx on login_attempts (key_hash, at);
create index login_attempts_at_idx on login_attempts (at);
