import type { UserSummary } from "@/lib/server/list-users";
import { UserRoleSelect } from "./user-role-select";

export function UserTable({ users, roles, selfId }: { users: UserSummary[]; roles: readonly string[]; selfId: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm">
        <thead className="bg-zinc-50 text-xs text-zinc-500 dark:bg-zinc-900">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Name</th>
            <th scope="col" className="px-3 py-2 font-medium">Email</th>
            <th scope="col" className="px-3 py-2 font-medium">Role</th>
            <th scope="col" className="px-3 py-2 font-medium">Since</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {users.map((user) => (
            <tr key={user.id} className={user.disabledAt ? "text-zinc-400" : undefined}>
              <td className="px-3 py-2 font-medium">
                {user.name}
                {user.id === selfId ? <span className="ml-1.5 text-xs font-normal text-zinc-500">you</span> : null}
              </td>
              <td className="px-3 py-2 text-zinc-600 dark:text-zinc-400">{user.email}</td>
              <td className="px-3 py-2">
                <UserRoleSelect userId={user.id} name={user.name} role={user.role} roles={roles} />
              </td>
              <td className="px-3 py-2 text-xs text-zinc-500 tabular-nums">{user.createdAt.toISOString().slice(0, 10)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
