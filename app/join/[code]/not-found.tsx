import { JoinClassForm } from "@/app/classes/join-class-form";

/** An unknown, replaced or mistyped code: say so, and let the student type the code instead. */
export default function JoinCodeNotFound() {
  return (
    <div className="mx-auto max-w-md space-y-6 py-6">
      <h1 className="text-2xl font-bold">No class has this code</h1>
      <div className="card space-y-4">
        <p role="alert">
          This link&apos;s class code does not match any class. Check the code with your teacher: they may have replaced
          it with a new one.
        </p>
        <JoinClassForm />
      </div>
    </div>
  );
}
