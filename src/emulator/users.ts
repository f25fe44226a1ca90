/** A person of the demo workspace, in CML's ShortUser shape. */
export interface DemoUser {
  readonly username: string;
  readonly name: string;
  readonly email: string;
}

const PEOPLE: ReadonlyArray<readonly [string, string]> = [
  ['Ada', 'Okafor'],
  ['Bruno', 'Lindqvist'],
  ['Chen', 'Wei'],
  ['Dana', 'Whitfield'],
  ['Emeka', 'Nwosu'],
  ['Farah', 'Haddad'],
  ['Gustavo', 'Pereira'],
  ['Hana', 'Sato'],
  ['Ivan', 'Petrov'],
  ['Julia', 'Schmidt'],
  ['Kiran', 'Rao'],
  ['Lena', 'Moreau'],
];

/** The twelve users who own and create the demo workspace's resources. */
export const DEMO_USERS: readonly DemoUser[] = PEOPLE.map(([first, last]) => ({
  username: `${first.toLowerCase()}.${last.toLowerCase()}`,
  name: `${first} ${last}`,
  email: `${first.toLowerCase()}.${last.toLowerCase()}@example.com`,
}));

/** The user every accepted API key belongs to. */
export const KEY_OWNER: DemoUser = DEMO_USERS[0] as DemoUser;
