-- Mutation ids and check-in ids belong to the user who sent them: one user's id never blocks another's, and
-- no answer tells a user whether someone else used an id. Every existing row stays (ids were unique overall,
-- so they are unique per user too).
alter table mutations drop constraint mutations_pkey;
alter table mutations add primary key (user_id, id);

alter table checkins drop constraint checkins_pkey;
alter table checkins add primary key (user_id, id);
