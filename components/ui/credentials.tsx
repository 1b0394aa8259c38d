/** A username and a new password, shown once to be handed on (and the person's name, if given). */
export function Credentials({
  name,
  username,
  password,
}: {
  name?: string;
  username: string;
  password: string;
}) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
      {name !== undefined && (
        <>
          <dt className="text-stone-600">Name</dt>
          <dd className="font-medium">{name}</dd>
        </>
      )}
      <dt className="text-stone-600">Username</dt>
      <dd className="font-mono">{username}</dd>
      <dt className="text-stone-600">Password</dt>
      <dd className="font-mono" data-new-password>
        {password}
      </dd>
    </dl>
  );
}
