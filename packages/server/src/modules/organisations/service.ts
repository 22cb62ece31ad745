import {
  type Actor,
  invalidRoleFor,
  isEnforcementKind,
  type Locale,
  memberApproverRole,
  type RegistrationBody,
  type Role,
} from '@assay/core';
import type { Db } from '../../db/database.js';
import { type AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { addSeconds, type Clock } from '../../lib/clock.js';
import { randomToken, sha256 } from '../../lib/tokens.js';
import { recordAudit } from '../audit/queries.js';
import { hashPassword } from '../identity/passwords.js';
import type { ClientInfo } from '../identity/service.js';
import { type MailSettings, queueMail } from '../mail/outbox.js';
import {
  findMember,
  findMembersWithRole,
  findOrganisation,
  listMembers,
  listOrganisations,
  toMemberView,
  toOrganisationView,
} from './queries.js';

const INVITATION_SECONDS = 7 * 24 * 3600;

interface Deps {
  db: Db;
  clock: Clock;
  mail: MailSettings & { afterCommit(): void };
  publicUrl: string;
}

/** Postgres unique_violation: someone else took the email or name between our check and our insert. */
function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error as { code: unknown }).code === '23505'
  );
}

export function createOrganisationService(deps: Deps) {
  const { db, clock } = deps;
  const link = (path: string) => `${deps.publicUrl}${path}`;

  async function assertEmailFree(executor: Db, email: string, path: string): Promise<void> {
    const existing = await executor
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirst();
    if (existing)
      throw conflict('An account with this email already exists', [{ path, message: 'Already registered' }]);
  }

  async function createUser(
    executor: Db,
    person: { name: string; email: string; password: string; locale: Locale },
  ) {
    const passwordHash = await hashPassword(person.password);
    return executor
      .insertInto('users')
      .values({ email: person.email, name: person.name, password_hash: passwordHash, locale: person.locale })
      .returning('id')
      .executeTakeFirstOrThrow();
  }

  async function notifyRole(
    executor: Db,
    organisationId: string,
    role: Role,
    send: (person: { email: string; name: string; locale: Locale }) => Promise<void>,
  ): Promise<void> {
    for (const person of await findMembersWithRole(executor, organisationId, role)) await send(person);
  }

  async function operatorId(executor: Db): Promise<string | null> {
    const row = await executor
      .selectFrom('organisations')
      .select('id')
      .where('kind', '=', 'platform_operator')
      .executeTakeFirst();
    return row?.id ?? null;
  }

  /** Run a write; a unique-key race becomes a 409 rather than a 500. */
  async function writing<T>(work: () => Promise<T>, onDuplicate: () => AppError): Promise<T> {
    try {
      const result = await work();
      deps.mail.afterCommit();
      return result;
    } catch (error) {
      if (isUniqueViolation(error)) throw onDuplicate();
      throw error;
    }
  }

  async function memberOrThrow(executor: Db, actor: Actor, userId: string) {
    const member = await findMember(executor, actor.organisationId, userId);
    if (!member) throw notFound('Member');
    return member;
  }

  return {
    /** A new organisation asks to join, with its first admin; the operator decides. */
    async register(body: RegistrationBody, client: ClientInfo) {
      const { organisation, admin } = body;
      return writing(
        () =>
          db.transaction().execute(async (trx) => {
            await assertEmailFree(trx, admin.email, 'admin.email');
            const org = await trx
              .insertInto('organisations')
              .values({
                name: organisation.name,
                kind: organisation.kind,
                country_code: organisation.countryCode ?? null,
                website: organisation.website ?? null,
                status: 'pending',
              })
              .returning('id')
              .executeTakeFirstOrThrow();
            const user = await createUser(trx, admin);
            // Whoever registers an enforcement organisation is its first national coordinator.
            const roles: Role[] = isEnforcementKind(organisation.kind)
              ? ['admin', 'national_coordinator']
              : ['admin'];
            await trx
              .insertInto('memberships')
              .values({ user_id: user.id, organisation_id: org.id, roles, status: 'active' })
              .execute();
            await recordAudit(trx, {
              actor_user_id: user.id,
              actor_organisation_id: org.id,
              organisation_id: org.id,
              action: 'organisation.registered',
              target_type: 'organisation',
              target_id: org.id,
              ip: client.ip,
              details: {
                name: organisation.name,
                kind: organisation.kind,
                countryCode: organisation.countryCode ?? null,
              },
            });
            const operator = await operatorId(trx);
            if (operator) {
              await notifyRole(trx, operator, 'admin', (person) =>
                queueMail(trx, deps.mail, {
                  to: person.email,
                  locale: person.locale,
                  template: 'registration_received',
                  params: {
                    name: person.name,
                    organisation: organisation.name,
                    kind: organisation.kind,
                    link: link('/operator/organisations'),
                  },
                }),
              );
            }
            return { organisationId: org.id };
          }),
        () =>
          conflict('This organisation or email is already registered', [
            { path: 'organisation.name', message: 'Already registered' },
          ]),
      );
    },

    /** Active enforcement organisations an officer may ask to join. */
    async directory(countryCode?: string) {
      let query = db
        .selectFrom('organisations')
        .select(['id', 'name', 'kind', 'country_code', 'status'])
        .where('status', '=', 'active')
        .where('kind', 'in', ['customs', 'police', 'other_enforcement'])
        .orderBy('country_code')
        .orderBy('name');
      if (countryCode) query = query.where('country_code', '=', countryCode);
      const rows = await query.execute();
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        kind: row.kind,
        countryCode: row.country_code,
        status: row.status,
      }));
    },

    async requestToJoin(
      body: {
        organisationId: string;
        name: string;
        email: string;
        password: string;
        locale: Locale;
        roles: Role[];
        note?: string | undefined;
      },
      client: ClientInfo,
    ): Promise<void> {
      await writing(
        () =>
          db.transaction().execute(async (trx) => {
            const org = await findOrganisation(trx, body.organisationId);
            if (org?.status !== 'active' || !isEnforcementKind(org.kind)) throw notFound('Organisation');
            const bad = invalidRoleFor(org.kind, body.roles);
            if (bad) throw invalid('roles', `The role ${bad} does not exist in this organisation`);
            await assertEmailFree(trx, body.email, 'email');
            const user = await createUser(trx, body);
            await trx
              .insertInto('memberships')
              .values({
                user_id: user.id,
                organisation_id: org.id,
                roles: body.roles,
                status: 'pending',
                note: body.note ?? null,
              })
              .execute();
            await recordAudit(trx, {
              actor_user_id: user.id,
              organisation_id: org.id,
              action: 'member.join_requested',
              target_type: 'user',
              target_id: user.id,
              ip: client.ip,
              details: { roles: body.roles },
            });
            await notifyRole(trx, org.id, memberApproverRole(org.kind), (person) =>
              queueMail(trx, deps.mail, {
                to: person.email,
                locale: person.locale,
                template: 'join_request_received',
                params: {
                  name: body.name,
                  email: body.email,
                  organisation: org.name,
                  roles: body.roles,
                  note: body.note ?? '—',
                  link: link('/organisation/members'),
                },
              }),
            );
          }),
        () =>
          conflict('An account with this email already exists', [
            { path: 'email', message: 'Already registered' },
          ]),
      );
    },

    async mine(actor: Actor) {
      const org = await findOrganisation(db, actor.organisationId);
      if (!org) throw notFound('Organisation');
      return toOrganisationView(org);
    },

    async members(actor: Actor) {
      return (await listMembers(db, actor.organisationId)).map(toMemberView);
    },

    async updateMember(
      actor: Actor,
      userId: string,
      changes: { roles?: Role[] | undefined; status?: 'active' | 'disabled' | undefined },
      ip: string | null,
    ) {
      return db.transaction().execute(async (trx) => {
        const member = await memberOrThrow(trx, actor, userId);
        if (member.status === 'pending' || member.status === 'rejected')
          throw invalid('status', 'Approve or reject this request first');
        if (changes.roles) {
          const bad = invalidRoleFor(actor.organisationKind, changes.roles);
          if (bad) throw invalid('roles', `The role ${bad} does not exist in this organisation`);
        }
        const roles = changes.roles ?? member.roles;
        const status = changes.status ?? member.status;
        await trx.updateTable('memberships').set({ roles, status }).where('user_id', '=', userId).execute();
        // An organisation must keep an active admin, or nobody could manage it again.
        const admins = await trx
          .selectFrom('memberships')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('organisation_id', '=', actor.organisationId)
          .where('status', '=', 'active')
          .where((eb) => eb(eb.val('admin'), '=', eb.fn.any('roles')))
          .executeTakeFirstOrThrow();
        if (Number(admins.n) === 0)
          throw invalid('roles', 'The organisation must keep at least one active admin');
        if (status === 'disabled') await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
        await recordAudit(trx, {
          actor_user_id: actor.userId,
          actor_organisation_id: actor.organisationId,
          organisation_id: actor.organisationId,
          action: 'member.updated',
          target_type: 'user',
          target_id: userId,
          ip,
          details: { before: { roles: member.roles, status: member.status }, after: { roles, status } },
        });
        return toMemberView((await findMember(trx, actor.organisationId, userId))!);
      });
    },

    async decideMember(actor: Actor, userId: string, decision: 'approve' | 'reject', ip: string | null) {
      const result = await db.transaction().execute(async (trx) => {
        const member = await memberOrThrow(trx, actor, userId);
        if (member.status !== 'pending') throw conflict('This request was already decided');
        const status = decision === 'approve' ? 'active' : 'rejected';
        await trx
          .updateTable('memberships')
          .set({ status, decided_at: clock.now(), decided_by: actor.userId })
          .where('user_id', '=', userId)
          .execute();
        const org = (await findOrganisation(trx, actor.organisationId))!;
        await queueMail(
          trx,
          deps.mail,
          decision === 'approve'
            ? {
                to: member.email,
                locale: member.locale,
                template: 'membership_approved',
                params: { name: member.name, organisation: org.name, link: link('/') },
              }
            : {
                to: member.email,
                locale: member.locale,
                template: 'membership_rejected',
                params: { name: member.name, organisation: org.name },
              },
        );
        await recordAudit(trx, {
          actor_user_id: actor.userId,
          actor_organisation_id: actor.organisationId,
          organisation_id: actor.organisationId,
          action: decision === 'approve' ? 'member.approved' : 'member.rejected',
          target_type: 'user',
          target_id: userId,
          ip,
        });
        return toMemberView((await findMember(trx, actor.organisationId, userId))!);
      });
      deps.mail.afterCommit();
      return result;
    },

    async invitations(actor: Actor) {
      const rows = await db
        .selectFrom('invitations as i')
        .leftJoin('users as u', 'u.id', 'i.invited_by')
        .select([
          'i.id',
          'i.email',
          'i.roles',
          'i.locale',
          'i.created_at',
          'i.expires_at',
          'i.accepted_at',
          'i.revoked_at',
          'u.name as invited_by_name',
        ])
        .where('i.organisation_id', '=', actor.organisationId)
        .orderBy('i.created_at', 'desc')
        .limit(500)
        .execute();
      const now = clock.now();
      return rows.map((row) => ({
        id: row.id,
        email: row.email,
        roles: row.roles,
        locale: row.locale,
        status: row.accepted_at
          ? 'accepted'
          : row.revoked_at
            ? 'revoked'
            : row.expires_at <= now
              ? 'expired'
              : 'pending',
        invitedBy: row.invited_by_name,
        createdAt: row.created_at.toISOString(),
        expiresAt: row.expires_at.toISOString(),
      })) satisfies { status: 'pending' | 'accepted' | 'revoked' | 'expired' }[];
    },

    async invite(actor: Actor, body: { email: string; roles: Role[]; locale: Locale }, ip: string | null) {
      const bad = invalidRoleFor(actor.organisationKind, body.roles);
      if (bad) throw invalid('roles', `The role ${bad} does not exist in this organisation`);
      const token = randomToken();
      const expires = addSeconds(clock.now(), INVITATION_SECONDS);
      const id = await writing(
        () =>
          db.transaction().execute(async (trx) => {
            await assertEmailFree(trx, body.email, 'email');
            // A new invitation replaces any pending one to the same address.
            await trx
              .updateTable('invitations')
              .set({ revoked_at: clock.now() })
              .where('organisation_id', '=', actor.organisationId)
              .where('email', '=', body.email)
              .where('accepted_at', 'is', null)
              .where('revoked_at', 'is', null)
              .execute();
            const row = await trx
              .insertInto('invitations')
              .values({
                organisation_id: actor.organisationId,
                email: body.email,
                roles: body.roles,
                locale: body.locale,
                token_hash: sha256(token),
                invited_by: actor.userId,
                expires_at: expires,
              })
              .returning('id')
              .executeTakeFirstOrThrow();
            const org = (await findOrganisation(trx, actor.organisationId))!;
            const inviter = await trx
              .selectFrom('users')
              .select('name')
              .where('id', '=', actor.userId)
              .executeTakeFirstOrThrow();
            await queueMail(trx, deps.mail, {
              to: body.email,
              locale: body.locale,
              template: 'invitation',
              params: {
                inviter: inviter.name,
                organisation: org.name,
                roles: body.roles,
                expires,
                link: link(`/invitations/${token}`),
              },
            });
            await recordAudit(trx, {
              actor_user_id: actor.userId,
              actor_organisation_id: actor.organisationId,
              organisation_id: actor.organisationId,
              action: 'member.invited',
              target_type: 'invitation',
              target_id: row.id,
              ip,
              details: { email: body.email, roles: body.roles },
            });
            return row.id;
          }),
        () =>
          conflict('An account with this email already exists', [
            { path: 'email', message: 'Already registered' },
          ]),
      );
      return (await this.invitations(actor)).find((invitation) => invitation.id === id)!;
    },

    async revokeInvitation(actor: Actor, id: string, ip: string | null): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('invitations')
          .set({ revoked_at: clock.now() })
          .where('id', '=', id)
          .where('organisation_id', '=', actor.organisationId)
          .where('accepted_at', 'is', null)
          .where('revoked_at', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (!row) throw notFound('Invitation');
        await recordAudit(trx, {
          actor_user_id: actor.userId,
          actor_organisation_id: actor.organisationId,
          organisation_id: actor.organisationId,
          action: 'member.invitation_revoked',
          target_type: 'invitation',
          target_id: id,
          ip,
        });
      });
    },

    /** What an invitation link offers; not found once used, revoked or expired. */
    async previewInvitation(token: string, executor: Db = db) {
      const row = await executor
        .selectFrom('invitations as i')
        .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
        .leftJoin('memberships as m', 'm.user_id', 'i.invited_by')
        .select([
          'i.id',
          'i.email',
          'i.roles',
          'i.locale',
          'i.expires_at',
          'i.organisation_id',
          'i.invited_by',
          'o.name',
          'o.kind',
          'o.status',
          'm.roles as inviter_roles',
        ])
        .where('i.token_hash', '=', sha256(token))
        .where('i.accepted_at', 'is', null)
        .where('i.revoked_at', 'is', null)
        .where('i.expires_at', '>', clock.now())
        .executeTakeFirst();
      if (row?.status !== 'active') throw notFound('Invitation');
      // In an enforcement organisation only the national coordinator admits people directly.
      const needsApproval = !(row.inviter_roles ?? []).includes(memberApproverRole(row.kind));
      return {
        row,
        view: {
          organisationName: row.name,
          organisationKind: row.kind,
          email: row.email,
          roles: row.roles,
          locale: row.locale,
          expiresAt: row.expires_at.toISOString(),
          needsApproval,
        },
      };
    },

    async acceptInvitation(
      token: string,
      person: { name: string; password: string; locale: Locale },
      client: ClientInfo,
    ): Promise<void> {
      await writing(
        () =>
          db.transaction().execute(async (trx) => {
            const { row, view } = await this.previewInvitation(token, trx);
            await assertEmailFree(trx, row.email, 'email');
            const user = await createUser(trx, { ...person, email: row.email });
            await trx
              .insertInto('memberships')
              .values({
                user_id: user.id,
                organisation_id: row.organisation_id,
                roles: row.roles,
                status: view.needsApproval ? 'pending' : 'active',
                decided_at: view.needsApproval ? null : clock.now(),
                decided_by: view.needsApproval ? null : row.invited_by,
              })
              .execute();
            await trx
              .updateTable('invitations')
              .set({ accepted_at: clock.now() })
              .where('id', '=', row.id)
              .execute();
            await recordAudit(trx, {
              actor_user_id: user.id,
              organisation_id: row.organisation_id,
              action: 'member.invitation_accepted',
              target_type: 'invitation',
              target_id: row.id,
              ip: client.ip,
              details: { needsApproval: view.needsApproval },
            });
            if (view.needsApproval) {
              await notifyRole(trx, row.organisation_id, memberApproverRole(row.kind), (approver) =>
                queueMail(trx, deps.mail, {
                  to: approver.email,
                  locale: approver.locale,
                  template: 'join_request_received',
                  params: {
                    name: person.name,
                    email: row.email,
                    organisation: row.name,
                    roles: row.roles,
                    note: '—',
                    link: link('/organisation/members'),
                  },
                }),
              );
            }
          }),
        () =>
          conflict('An account with this email already exists', [
            { path: 'email', message: 'Already registered' },
          ]),
      );
    },

    async list(filter: { status?: string | undefined; kind?: string | undefined }) {
      return (await listOrganisations(db, filter)).map(toOrganisationView);
    },

    /** The operator approves or rejects an organisation's request; its admins are told by email. */
    async decideOrganisation(
      actor: Actor,
      id: string,
      decision: 'approve' | 'reject',
      note: string | undefined,
      ip: string | null,
    ) {
      const result = await db.transaction().execute(async (trx) => {
        const org = await findOrganisation(trx, id);
        if (!org) throw notFound('Organisation');
        if (org.kind === 'platform_operator') throw forbidden('The operator cannot decide about itself');
        if (org.status !== 'pending') throw conflict('This organisation was already decided');
        await trx
          .updateTable('organisations')
          .set({
            status: decision === 'approve' ? 'active' : 'rejected',
            decided_at: clock.now(),
            decided_by: actor.userId,
            decision_note: note ?? null,
          })
          .where('id', '=', id)
          .execute();
        await notifyRole(trx, id, 'admin', (person) =>
          queueMail(
            trx,
            deps.mail,
            decision === 'approve'
              ? {
                  to: person.email,
                  locale: person.locale,
                  template: 'organisation_approved',
                  params: { name: person.name, organisation: org.name, link: link('/') },
                }
              : {
                  to: person.email,
                  locale: person.locale,
                  template: 'organisation_rejected',
                  params: { name: person.name, organisation: org.name, note: note ?? '—' },
                },
          ),
        );
        await recordAudit(trx, {
          actor_user_id: actor.userId,
          actor_organisation_id: actor.organisationId,
          organisation_id: id,
          action: decision === 'approve' ? 'organisation.approved' : 'organisation.rejected',
          target_type: 'organisation',
          target_id: id,
          ip,
          details: note ? { note } : {},
        });
        return toOrganisationView((await findOrganisation(trx, id))!);
      });
      deps.mail.afterCommit();
      return result;
    },
  };
}

export type OrganisationService = ReturnType<typeof createOrganisationService>;
