/** Searches accounts by name, email or username (a GET form: the search is in the address). */
import { Button } from '@/components/ui/button';
export function AccountSearch({ query }: { query: string }) {
  return (
    <form method="get" action="/admin" role="search" className="flex flex-col gap-2 sm:flex-row">
      <label htmlFor="account-search" className="sr-only">
        Search accounts
      </label>
      <input
        id="account-search"
        name="q"
        type="search"
        defaultValue={query}
        maxLength={100}
        placeholder="Name, email or username"
        className="min-w-0 flex-1 rounded-md border border-stone-400 px-3 py-2"
      />
      <Button type="submit" variant="primary" size="lg">
        Search
      </Button>
    </form>
  );
}
