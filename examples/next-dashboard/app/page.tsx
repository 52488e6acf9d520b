export default function Home() {
  return (
    <main>
      <h1>Kizuna</h1>
    </main>
  );
}
