-- The demo database `make run` opens (dist/demo.db). Plain SQL: every
-- extension in dist/extensions/ has something to work on here.
create table customers(
    id integer primary key,
    name text not null,
    city text,
    email text
);
insert into customers(name, city, email) values
    ('Zoë Ångström', 'Göteborg', 'zoe@example.com'),
    ('José Núñez', 'São Paulo', 'jose@example.org'),
    ('Jon Smith', 'London', 'jon@example.com'),
    ('John Smyth', 'Londres', 'john@example.net'),
    ('Ирина Петрова', 'Москва', 'irina@example.ru'),
    ('Ólafur Arnalds', 'Reykjavík', 'olafur@example.is'),
    ('Chloé Dubois', 'Paris', 'chloe@example.fr'),
    ('Łukasz Wójcik', 'Kraków', 'lukasz@example.pl');

create table orders(
    id integer primary key,
    customer_id integer not null references customers(id),
    placed_at text not null,
    amount real not null
);
with recursive n(i) as (select 1 union all select i + 1 from n where i < 400)
insert into orders(customer_id, placed_at, amount)
select 1 + (i * 7) % 8,
       date('2026-01-01', '+' || (i % 300) || ' days'),
       round(5 + ((i * 37) % 200) + (i % 7) * 0.25, 2)
from n;

create view order_totals as
select c.name, count(*) as orders, round(sum(o.amount), 2) as total
from customers c join orders o on o.customer_id = c.id
group by c.id;
