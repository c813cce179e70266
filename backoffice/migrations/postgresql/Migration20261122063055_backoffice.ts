import { Migration } from "@mikro-orm/migrations";

export class Migration20261122063055_backoffice extends Migration {
  override up(): void {
    this.addSql(`create table "agent" ("id" varchar(100) not null, "email" varchar(254) not null, "nom" varchar(100) not null, "prenom" varchar(100) not null, "roles" text not null, "perimetre" text not null, "actif" boolean not null, "cree_le" timestamptz not null, "hash_mot_de_passe" varchar(300) null, "mot_de_passe_modifie_le" timestamptz null, "echecs_connexion" int not null, "verrouille_jusqua" timestamptz null, constraint "agent_pkey" primary key ("id"));`);
    this.addSql(`alter table "agent" add constraint "agent_email_unique" unique ("email");`);

    this.addSql(`create table "juridiction" ("code" varchar(20) not null, "libelle" varchar(200) not null, "type" varchar(30) not null, "cour_appel" varchar(20) not null, constraint "juridiction_pkey" primary key ("code"));`);
    this.addSql(`create index "juridiction_cour_appel_idx" on "juridiction" ("cour_appel");`);

    this.addSql(`create table "session_admin" ("sid" varchar(128) not null, "donnees" text not null, "expire" timestamptz not null, constraint "session_admin_pkey" primary key ("sid"));`);
    this.addSql(`create index "session_admin_expire_idx" on "session_admin" ("expire");`);
  }

  override down(): void {
    this.addSql(`drop table if exists "agent" cascade;`);

    this.addSql(`drop table if exists "juridiction" cascade;`);

    this.addSql(`drop table if exists "session_admin" cascade;`);
  }
}
